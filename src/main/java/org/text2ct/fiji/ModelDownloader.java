package org.text2ct.fiji;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import org.text2ct.diffusion.CancelToken;

/**
 * Fetches a model package (.zip) into the cache folder, checking its SHA-256 while it streams.
 * The file appears under its final name only when complete and verified, so an interrupted or
 * corrupted download never looks like a model. Callers ask the user before calling.
 */
final class ModelDownloader {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /**
     * @param expectedSha256 the package's published SHA-256 (64 hex digits)
     * @param progress told the bytes received so far
     * @return the verified file in {@code folder}
     */
    Path download(URI url, String expectedSha256, Path folder, LongConsumer progress, CancelToken cancel)
            throws IOException, InterruptedException {
        String expected = expectedSha256 == null ? "" : expectedSha256.trim().toLowerCase(Locale.ROOT);
        if (!expected.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be the package's 64-digit SHA-256 as published with it, got '"
                    + expectedSha256 + "'");
        }
        String name = Path.of(url.getPath()).getFileName() == null ? "" : Path.of(url.getPath()).getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new IllegalArgumentException("the URL must name a model package .zip, got " + url);
        }
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists: choose it in Text2CT Models, or delete it to download again");
        }
        Files.createDirectories(folder);
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Path part = Files.createTempFile(folder, name, ".part");
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the server answered HTTP " + response.statusCode() + " for " + url
                        + ": check the address with whoever published the model");
            }
            String actual = copyHashing(in, part, progress, cancel);
            if (!actual.equals(expected)) {
                throw new IOException("downloaded file's SHA-256 is " + actual + ", expected " + expected
                        + ": the download was corrupted or the file changed on the server; nothing was kept");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String copyHashing(InputStream in, Path part, LongConsumer progress, CancelToken cancel)
            throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("download cancelled after " + total + " bytes");
                }
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                total += n;
                progress.accept(total);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
