package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damaged safetensors files: each is refused with a WeightFileException that names the file and the problem. */
class SafeTensorsMalformedTest {
    @TempDir
    Path dir;

    @Test
    void refusesFilesShorterThanTheLengthField() throws Exception {
        assertRefused(new byte[0], "8-byte header length");
        assertRefused(new byte[5], "8-byte header length");
    }

    @Test
    void refusesHeaderLengthBeyondTheFile() throws Exception {
        assertRefused(withLength(200, "{}"), "runs past the end");
    }

    @Test
    void refusesAbsurdHeaderLengths() throws Exception {
        assertRefused(withLength(1L << 40, "{}"), "limit");
        assertRefused(withLength(-1L, "{}"), "18446744073709551615");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json|not valid JSON",
        "[1, 2]|not an object",
        "\"text\"|not an object",
        "{} trailing|not valid JSON",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [NaN], \"data_offsets\": [0, 4]}}|not valid JSON",
        "{\"a\": 5}|not described by a JSON object",
        "{\"a\": {\"dtype\": \"F8_E4M3\", \"shape\": [1], \"data_offsets\": [0, 1]}}|unknown dtype 'F8_E4M3'",
        "{\"a\": {\"shape\": [1], \"data_offsets\": [0, 4]}}|no dtype",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [-1], \"data_offsets\": [0, 4]}}|negative value -1",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1.5], \"data_offsets\": [0, 4]}}|not a 64-bit integer",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1e400], \"data_offsets\": [0, 4]}}|not a 64-bit integer",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [\"2\"], \"data_offsets\": [0, 8]}}|other than a number",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [4294967296, 4294967296], \"data_offsets\": [0, 4]}}|overflows 64 bits",
        "{\"a\": {\"dtype\": \"F32\", \"data_offsets\": [0, 4]}}|shape is missing",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0]}}|has 1 values, expected 2",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [8, 4]}}|end before they begin",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 8]}}|needs 4",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [4], \"data_offsets\": [4, 20]}}|beyond the 16-byte data region",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}|overlap",
        "{\"a\": {\"dtype\": \"U8\", \"shape\": [3000000000], \"data_offsets\": [0, 3000000000]}}|limited to 2 GB",
        "{\"__metadata__\": {\"k\": 5}}|'k' is not a string",
        "{\"__metadata__\": [1]}|not an object of strings",
    })
    void refusesBadHeaders(String header, String expected) throws Exception {
        assertRefused(file(header.getBytes(StandardCharsets.UTF_8), 16), expected);
    }

    @Test
    void refusesHeaderThatIsNotUtf8() throws Exception {
        assertRefused(file(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}, 0), "not UTF-8");
    }

    @Test
    void refusesDeeplyNestedHeaderWithoutStackOverflow() throws Exception {
        String deep = "{\"a\": " + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertRefused(file(deep.getBytes(StandardCharsets.UTF_8), 0), "JSON");
    }

    @Test
    void refusesHugeNumbersQuickly() throws Exception {
        String header = "{\"a\": {\"dtype\": \"F32\", \"shape\": [%s], \"data_offsets\": [0, 4]}}";
        assertRefused(file(header.formatted("9".repeat(30)).getBytes(StandardCharsets.UTF_8), 4), "not a 64-bit integer");
        assertRefused(file(header.formatted("9".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8), 4), "not valid JSON");
    }

    /** Random damage to the fixture must end in a result or a WeightFileException, never another throwable. */
    @Test
    void survivesRandomDamage() throws Exception {
        byte[] good = Files.readAllBytes(TestBytes.fixture("maisi_vae_tiny.weights.safetensors"));
        Random random = new Random(1);
        for (int round = 0; round < 300; round++) {
            byte[] bad = round % 3 == 0 ? Arrays.copyOf(good, random.nextInt(13000)) : good.clone();
            for (int flips = 0; round % 3 != 0 && flips < 1 + random.nextInt(3); flips++) {
                bad[random.nextInt(12768)] = (byte) random.nextInt(256);
            }
            Path path = Files.write(dir.resolve("damaged" + round + ".safetensors"), bad);
            try (SafeTensorsFile f = SafeTensorsFile.open(path)) {
                f.keys().forEach(k -> f.get(k).toFloats());
            } catch (WeightFileException expected) {
                assertTrue(expected.getMessage().startsWith(path.toString()), expected.getMessage());
            } catch (Throwable t) {
                fail("round " + round + " threw " + t, t);
            }
        }
    }

    /** A header of {@code header} followed by {@code dataBytes} zero bytes. */
    private static byte[] file(byte[] header, int dataBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestBytes.longs(header.length));
        out.writeBytes(header);
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }

    private static byte[] withLength(long headerLength, String header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestBytes.longs(headerLength));
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void assertRefused(byte[] content, String expected) throws Exception {
        Path path = Files.write(dir.resolve("bad.safetensors"), content);
        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensorsFile.open(path).close());
        assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
