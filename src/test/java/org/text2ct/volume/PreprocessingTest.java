package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Orientation, intensity scaling, resampling, crop/pad and the full preprocessing with its inverse. */
class PreprocessingTest {

    private static CtVolume ramp(int nx, int ny, int nz, double[] spacing, String code) {
        CtVolume v = CtVolume.filled(nx, ny, nz, 0f, spacing, new double[] {5, -3, 12}, Orientation.directionOf(code));
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v.set(x, y, z, 2 * x + 3 * y + 5 * z);
                }
            }
        }
        return v;
    }

    @Test
    void toRasKeepsEveryVoxelAtItsWorldPosition() {
        CtVolume lpi = ramp(4, 3, 2, new double[] {0.5, 0.7, 2}, "PIL");
        CtVolume ras = Orientation.toRas(lpi);
        assertEquals("RAS", ras.orientationCode());
        // P,I,L axes (sizes 4,3,2) become R (from L: 2), A (from P: 4), S (from I: 3).
        assertArrayEquals(new int[] {2, 4, 3}, ras.size());
        assertArrayEquals(new double[] {2, 0.5, 0.7}, ras.spacing(), 0);
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    double[] w = lpi.toWorld(x, y, z);
                    double[] r0 = ras.origin();
                    double[] s = ras.spacing();
                    int i = (int) Math.round((w[0] - r0[0]) / s[0]);
                    int j = (int) Math.round((w[1] - r0[1]) / s[1]);
                    int k = (int) Math.round((w[2] - r0[2]) / s[2]);
                    assertEquals(lpi.get(x, y, z), ras.get(i, j, k), "voxel " + x + "," + y + "," + z);
                }
            }
        }
    }

    @Test
    void orientationCodesFollowNibabel() {
        assertEquals("LPS", Orientation.axisCodes(Orientation.directionOf("LPS")));
        double c = Math.cos(Math.toRadians(40));
        double s = Math.sin(Math.toRadians(40));
        // 40° in-plane rotation: axis 0 is mostly R, axis 1 mostly A.
        assertEquals("RAS", Orientation.axisCodes(new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}}));
        // 50°: axis 0 is now mostly A, axis 1 mostly L.
        double c5 = Math.cos(Math.toRadians(50));
        double s5 = Math.sin(Math.toRadians(50));
        assertEquals("ALS", Orientation.axisCodes(new double[][] {{c5, -s5, 0}, {s5, c5, 0}, {0, 0, 1}}));
        assertThrows(IllegalArgumentException.class, () -> Orientation.directionOf("RRS"));
    }

    @Test
    void intensityScalingAndInverse() {
        CtVolume v = CtVolume.filled(4, 1, 1, 0f, new double[] {1, 1, 1}, new double[3], Orientation.directionOf("RAS"));
        float[] hu = {-2000, -1000, 250, 3000};
        System.arraycopy(hu, 0, v.plane(0), 0, 4);
        assertArrayEquals(new float[] {0, 0, 0.625f, 1}, IntensityScaling.toUnitRange(v).plane(0), 0);
        assertArrayEquals(new float[] {-1000, -1000, 250, 1000}, IntensityScaling.toHu(IntensityScaling.toUnitRange(v)).plane(0), 0);
        assertArrayEquals(new float[] {-1000, -1000, 250, 1000}, IntensityScaling.clip(v).plane(0), 0);
    }

    @Test
    void linearResamplingKeepsALinearRampExactlyWhenUpsampling() {
        CtVolume v = ramp(6, 5, 4, new double[] {1, 1, 2}, "RAS");
        CtVolume up = Resampler.toSpacing(v, new double[] {0.5, 0.5, 1}, Resampler.Interpolation.LINEAR, -1000);
        assertArrayEquals(new int[] {12, 10, 8}, up.size());
        assertArrayEquals(v.origin(), up.origin(), 0);
        // Target voxel (3, 4, 5) sits at source (1.5, 2, 2.5): 2·1.5 + 3·2 + 5·2.5 = 21.5.
        assertEquals(21.5f, up.get(3, 4, 5), 1e-5);
        // Beyond the last source centre (but within half a voxel) the border value repeats.
        assertEquals(v.get(5, 4, 3), up.get(11, 9, 7), 1e-5);
    }

    @Test
    void downsamplingIsAntiAliased() {
        // A one-voxel checkerboard along x: plain sampling at factor 2 would keep only one phase (all +1000).
        CtVolume v = CtVolume.filled(32, 4, 4, 0f, new double[] {1, 1, 1}, new double[3], Orientation.directionOf("RAS"));
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 32; x++) {
                    v.set(x, y, z, x % 2 == 0 ? 1000 : -1000);
                }
            }
        }
        CtVolume down = Resampler.toSpacing(v, new double[] {2, 1, 1}, Resampler.Interpolation.LINEAR, -1000);
        assertArrayEquals(new int[] {16, 4, 4}, down.size());
        // Gaussian prefilter with sigma (2 − 1) / 2 = 0.5 voxel (scikit-image's choice), kernel radius 2:
        // at the checkerboard's frequency it passes (1 − 2e^−2 + 2e^−8) / (1 + 2e^−2 + 2e^−8) = 0.5742.
        double e2 = Math.exp(-2);
        double e8 = Math.exp(-8);
        assertEquals(1000 * (1 - 2 * e2 + 2 * e8) / (1 + 2 * e2 + 2 * e8), down.get(8, 2, 2), 0.01);
        CtVolume labelsDown = Resampler.toSpacing(v, new double[] {2, 1, 1}, Resampler.Interpolation.NEAREST, 0);
        assertEquals(1000f, labelsDown.get(8, 2, 2), "nearest is not filtered");
    }

    @Test
    void nearestKeepsLabels() {
        CtVolume labels = ramp(7, 5, 3, new double[] {1, 1, 1}, "RAS");
        Set<Float> original = new HashSet<>();
        for (int z = 0; z < 3; z++) {
            for (float f : labels.plane(z)) {
                original.add(f);
            }
        }
        CtVolume r = Resampler.toSpacing(labels, new double[] {0.7, 1.6, 0.4}, Resampler.Interpolation.NEAREST, 0);
        for (int z = 0; z < r.nz(); z++) {
            for (float f : r.plane(z)) {
                assertTrue(original.contains(f), "new label " + f);
            }
        }
        assertEquals(labels.get(3, 2, 1), r.get(4, 1, 2), 0);
    }

    @Test
    void cropPadCentresOnTheBodyAndPadsWithAir() {
        CtVolume v = CtVolume.filled(20, 10, 4, -1000f, new double[] {1, 1, 1}, new double[3], Orientation.directionOf("RAS"));
        for (int x = 12; x < 16; x++) {
            v.set(x, 5, 2, 40);
        }
        assertArrayEquals(new double[] {13.5, 5, 2}, CropPad.bodyCentre(v), 1e-12);
        CropPad.Placement p = CropPad.placement(v, new int[] {6, 14, 4});
        // Crop x around 13.5: start round(13.5 − 2.5) = 11; pad y around 5: start round(5 − 6.5) = −1.
        assertArrayEquals(new int[] {11, -1, 0}, p.start());
        CtVolume w = CropPad.apply(v, new int[] {6, 14, 4});
        assertEquals(40f, w.get(1, 6, 2));
        assertEquals(-1000f, w.get(0, 0, 0));
        assertArrayEquals(v.toWorld(11, -1, 0), w.origin(), 1e-12);
        CtVolume back = CropPad.restore(w, p, -1000f);
        TestVolumes.assertSameVoxels(v, back, 0f);
        assertThrows(IllegalArgumentException.class, () -> CropPad.placement(v, new int[] {0, 1, 1}));
    }

    @Test
    void fullPreprocessingAndItsInverse() {
        CtVolume v = CtVolume.filled(16, 12, 6, -1000f, new double[] {0.8, 0.8, 2.5}, new double[] {100, 50, -20}, Orientation.directionOf("LPS"));
        for (int z = 1; z < 5; z++) {
            for (int y = 3; y < 9; y++) {
                for (int x = 4; x < 12; x++) {
                    v.set(x, y, z, 60);
                }
            }
        }
        v.set(8, 6, 3, 3000);
        Preprocessing.Prepared p = Preprocessing.apply(v, new double[] {0.8, 0.8, 2.5}, new int[] {20, 10, 8});
        assertEquals("RAS", p.volume().orientationCode());
        assertArrayEquals(new int[] {20, 10, 8}, p.volume().size());
        assertEquals(1000f, VolumeStats.of(p.volume()).max(), "clipped");
        CtVolume back = Preprocessing.invert(p.volume(), p.undo());
        assertEquals("LPS", back.orientationCode());
        TestVolumes.assertSameGeometry(v, back, 1e-9);
        CtVolume expected = IntensityScaling.clip(v);
        // Cropping y from 12 to 10 loses one row at each end; those rows are air in both.
        TestVolumes.assertSameVoxels(expected, back, 1e-3f);
    }
}
