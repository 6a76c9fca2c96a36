package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyFidTest {
    private record Run(int code, String out) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    private static Run verify(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    private static String fixture() throws Exception {
        return Path.of(VerifyFidTest.class.getResource("/fixtures/fid.safetensors").toURI()).toString();
    }

    @Test
    void fixturePasses() throws Exception {
        Run run = verify("verify", "--kind", "fid", "--io", fixture());
        assertEquals(0, run.code(), run.out());
        assertTrue(run.out().startsWith("fid "), run.out());
        assertEquals("verify: 1 passed, 0 failed", run.lastLine());
    }

    @Test
    void zeroToleranceFailsBecauseTheReferenceIsStoredInFloat32() throws Exception {
        Run run = verify("verify", "--kind", "fid", "--io", fixture(), "--tolerance", "0");
        assertEquals(1, run.code(), run.out());
        assertEquals("verify: 0 passed, 1 failed", run.lastLine());
    }

    @Test
    void fileWithoutFeaturesIsAnError(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.safetensors");
        byte[] header = "{}".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[8 + header.length];
        bytes[0] = (byte) header.length;
        System.arraycopy(header, 0, bytes, 8, header.length);
        Files.write(empty, bytes);
        assertEquals(2, verify("verify", "--kind", "fid", "--io", empty.toString()).code());
    }
}
