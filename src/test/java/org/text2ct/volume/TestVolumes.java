package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/** Synthetic volumes and exact comparisons shared by the volume tests. */
final class TestVolumes {
    private TestVolumes() {
    }

    /** Random HU in [−1024, 3000) with a fractional part, oblique left-handed geometry. */
    static CtVolume random(int nx, int ny, int nz, long seed) {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] dir = {{-c, -s, 0}, {s, -c, 0}, {0, 0, -1}};
        CtVolume v = CtVolume.filled(nx, ny, nz, 0f, new double[] {0.7, 0.8, 2.5}, new double[] {-120.5, 80.25, -300}, dir);
        Random r = new Random(seed);
        for (int z = 0; z < nz; z++) {
            float[] p = v.plane(z);
            for (int i = 0; i < p.length; i++) {
                p[i] = -1024 + r.nextFloat() * 4024;
            }
        }
        return v;
    }

    static void assertSameVoxels(CtVolume expected, CtVolume actual, float tolerance) {
        assertArrayEquals(expected.size(), actual.size(), "size");
        for (int z = 0; z < expected.nz(); z++) {
            assertArrayEquals(expected.plane(z), actual.plane(z), tolerance, "plane " + z);
        }
    }

    static void assertSameGeometry(CtVolume expected, CtVolume actual, double tolerance) {
        assertArrayEquals(expected.spacing(), actual.spacing(), tolerance, "spacing");
        assertArrayEquals(expected.origin(), actual.origin(), tolerance, "origin");
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(expected.direction()[r], actual.direction()[r], tolerance, "direction row " + r);
        }
        assertEquals(expected.orientationCode(), actual.orientationCode());
    }
}
