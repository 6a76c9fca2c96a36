package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeededGaussianTest {
    private static final int N = 1_000_000;

    @Test
    void sameSeedGivesIdenticalNoise() {
        assertArrayEquals(SeededGaussian.noise(7, 1000), SeededGaussian.noise(7, 1000));
    }

    @Test
    void differentSeedsGiveDifferentNoise() {
        assertFalse(Arrays.equals(SeededGaussian.noise(7, 1000), SeededGaussian.noise(8, 1000)));
    }

    @Test
    void aStreamContinuesAcrossCalls() {
        SeededGaussian stream = new SeededGaussian(3);
        float[] first = stream.next(5);
        float[] rest = stream.next(6);
        float[] whole = SeededGaussian.noise(3, 11);
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 5), first);
        assertArrayEquals(Arrays.copyOfRange(whole, 5, 11), rest);
    }

    /** Moments of 1e6 samples; bounds are about ten standard errors wide, so a correct generator passes. */
    @Test
    void isStandardNormal() {
        float[] x = SeededGaussian.noise(12345, N);
        double sum = 0;
        double sumSq = 0;
        int withinOne = 0;
        for (float v : x) {
            sum += v;
            sumSq += (double) v * v;
            withinOne += Math.abs(v) <= 1 ? 1 : 0;
        }
        double mean = sum / N;
        double std = Math.sqrt(sumSq / N - mean * mean);
        assertEquals(0, mean, 0.01);
        assertEquals(1, std, 0.01);
        assertEquals(0.682689, (double) withinOne / N, 0.005);
    }

    /**
     * Regression guard for cross-machine determinism: these values were computed once (and agree with an
     * independent Python implementation of the same algorithm). A change means a seed no longer reproduces
     * earlier results.
     */
    @Test
    void pinnedValues() {
        assertArrayEquals(new float[] {0.9845279f, -0.17586929f, -0.7120662f, -0.31234458f, -0.62238073f,
                0.51821125f}, SeededGaussian.noise(0, 6));
        assertArrayEquals(new float[] {0.49295065f, -0.69400567f, -1.2810774f, -0.9015572f, -0.601878f,
                0.64256763f}, SeededGaussian.noise(42, 6));
    }

    @Test
    void rejectsNegativeLength() {
        assertThrows(IllegalArgumentException.class, () -> SeededGaussian.noise(1, -1));
    }
}
