package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.diffusion.CancelToken;

/** Downloads from a local HTTP server on 127.0.0.1. */
class ModelDownloaderTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final byte[] body = new byte[300_000];
    private String sha;

    @BeforeEach
    void serve() throws Exception {
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + 7);
        }
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/models/demo.zip", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/models/missing.zip", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private Path models() {
        return dir.resolve("models");
    }

    @Test
    void downloadsVerifiesAndKeepsTheFileUnderItsName() throws Exception {
        AtomicLong seen = new AtomicLong();
        Path file = new ModelDownloader().download(url("/models/demo.zip"), sha.toUpperCase(), models(), seen::set,
                CancelToken.NEVER);
        assertEquals(models().resolve("demo.zip"), file);
        assertArrayEquals(body, Files.readAllBytes(file));
        assertEquals(body.length, seen.get());
        assertEquals(1, count(models()));
    }

    @Test
    void aWrongChecksumKeepsNothing() {
        String wrong = "0".repeat(64);
        IOException e = assertThrows(IOException.class, () -> new ModelDownloader().download(url("/models/demo.zip"),
                wrong, models(), n -> { }, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("SHA-256 is " + sha), e.getMessage());
        assertEquals(0, count(models()));
    }

    @Test
    void httpErrorsNameTheStatus() {
        IOException e = assertThrows(IOException.class, () -> new ModelDownloader().download(url("/models/missing.zip"),
                sha, models(), n -> { }, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertEquals(0, count(models()));
    }

    @Test
    void cancelStopsAndKeepsNothing() {
        CancelToken.Flag flag = CancelToken.flag();
        assertThrows(CancellationException.class, () -> new ModelDownloader().download(url("/models/demo.zip"), sha,
                models(), n -> flag.cancel(), flag));
        assertEquals(0, count(models()));
    }

    @Test
    void refusesToReplaceAnExistingPackageOrABadHash() throws Exception {
        Files.createDirectories(models());
        Files.writeString(models().resolve("demo.zip"), "old");
        var e = assertThrows(IllegalArgumentException.class, () -> new ModelDownloader().download(url("/models/demo.zip"),
                sha, models(), n -> { }, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("old", Files.readString(models().resolve("demo.zip")));
        e = assertThrows(IllegalArgumentException.class, () -> new ModelDownloader().download(url("/models/demo.zip"),
                "abc", models(), n -> { }, CancelToken.NEVER));
        assertTrue(e.getMessage().startsWith("sha256 must be"), e.getMessage());
    }

    private static long count(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
