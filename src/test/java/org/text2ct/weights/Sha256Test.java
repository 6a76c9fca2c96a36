package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests are the FIPS 180-2 test vectors and coreutils' sha256sum of the fixture. */
class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void hashesKnownVectors() throws Exception {
        assertEquals(ABC, Sha256.of(Files.writeString(dir.resolve("abc"), "abc")));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Sha256.of(Files.write(dir.resolve("empty"), new byte[0])));
    }

    @Test
    void hashesFilesLargerThanTheBuffer() throws Exception {
        assertEquals("6d1c74f5133ec2ba3d5b780adc1818b979c7cf2fce562bbe3a7b2411d632343e", Sha256.of(TestBytes.fixture("maisi_vae_tiny.weights.safetensors")));
    }

    @Test
    void verifyAcceptsMatchingDigestInAnyCase() throws Exception {
        Path file = Files.writeString(dir.resolve("abc"), "abc");
        assertDoesNotThrow(() -> Sha256.verify(file, ABC.toUpperCase()));
    }

    @Test
    void verifyNamesBothDigestsOnMismatch() throws Exception {
        Path file = Files.writeString(dir.resolve("abd"), "abd");
        WeightFileException e = assertThrows(WeightFileException.class, () -> Sha256.verify(file, ABC));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256 mismatch: expected " + ABC + ", got " + Sha256.of(file)), e.getMessage());
        assertTrue(e.getMessage().endsWith("download it again"), e.getMessage());
    }

    @Test
    void verifyRejectsMalformedExpectedDigest() throws Exception {
        Path file = Files.writeString(dir.resolve("abc"), "abc");
        assertThrows(IllegalArgumentException.class, () -> Sha256.verify(file, "abc123"));
    }
}
