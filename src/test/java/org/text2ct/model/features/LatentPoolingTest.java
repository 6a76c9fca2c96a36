package org.text2ct.model.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Cell means and standard deviations of latent slices, computed by hand on a 1-channel 2×4×2 latent. */
class LatentPoolingTest {
    @Test
    void poolsEachSliceOverTheWholePlaneAndItsQuadrants() {
        // latent [C=1, n0=2, n1=4, n2=2], row-major: value = 10*i0 + 2*i1 + i2
        float[] latent = new float[16];
        for (int i0 = 0; i0 < 2; i0++) {
            for (int i1 = 0; i1 < 4; i1++) {
                for (int i2 = 0; i2 < 2; i2++) {
                    latent[(i0 * 4 + i1) * 2 + i2] = 10 * i0 + 2 * i1 + i2;
                }
            }
        }
        // Slices along axis 2 (two of them), rows along axis 0, columns along axis 1: each slice is 2×4.
        float[] f = LatentPooling.pool(latent, 1, new int[] {2, 4, 2}, 2, 0, 1);
        assertEquals(2 * LatentPooling.featureDim(1), f.length);
        assertEquals(10, LatentPooling.featureDim(1));
        // Slice i2 = 0: rows {0, 2, 4, 6} and {10, 12, 14, 16}; mean 8, population variance 5 + 25 = 30.
        assertEquals(8, f[0], 1e-6);
        assertEquals(Math.sqrt(30), f[1], 1e-5);
        // First quadrant: row 0, columns 0..1 → {0, 2}: mean 1, std 1.
        assertEquals(1, f[2], 1e-6);
        assertEquals(1, f[3], 1e-6);
        // Last quadrant: row 1, columns 2..3 → {14, 16}: mean 15, std 1.
        assertEquals(15, f[8], 1e-6);
        assertEquals(1, f[9], 1e-6);
        // Slice i2 = 1 is slice 0 plus one everywhere.
        assertEquals(9, f[10], 1e-6);
        assertEquals(Math.sqrt(30), f[11], 1e-5);
    }

    @Test
    void refusesSlicesSmallerThanTheGrid() {
        assertThrows(IllegalArgumentException.class, () -> LatentPooling.pool(new float[4], 1, new int[] {1, 4, 1}, 2, 0, 1));
    }
}
