package org.text2ct.train.phantom;

import java.util.SplittableRandom;

/**
 * Pulmonary vessels: from each hilum a few trunks branch dichotomously towards the periphery, each
 * generation shorter and thinner, drawn as +40 HU tubes clipped to their own lung.
 */
final class VesselTree {

    static final float BLOOD = 40f;
    private static final int GENERATIONS = 6;
    /** Below 3 mm, so at the demo's 3 mm voxels no vessel is thick enough to pass for a nodule. */
    private static final double TRUNK_RADIUS_MM = 2.8;
    private static final double LENGTH_RATIO = 0.78;
    private static final double RADIUS_RATIO = 0.72;

    private VesselTree() {
    }

    static void paint(VoxelCanvas c, Anatomy a, LungShape lung, LungMask mask, SplittableRandom rng) {
        int s = lung.side.sign;
        double[] hilum = {s * (a.mediastinumHalfWidth() + 6), a.tracheaY() - 8, a.zCarina() - 0.04 * a.heightMm()};
        double reach = 0.5 * (lung.zApex() - lung.zBase());
        double[][] trunks = {
            {0.35 * s, 0.1, 0.93}, {0.6 * s, -0.4, 0.5}, {0.95 * s, 0.15, -0.1}, {0.5 * s, 0.7, -0.45},
            {0.35 * s, -0.55, -0.75},
        };
        for (double[] dir : trunks) {
            branch(c, lung, mask, rng, hilum, normalize(dir), 0.3 * reach, TRUNK_RADIUS_MM, GENERATIONS);
        }
    }

    private static void branch(VoxelCanvas c, LungShape lung, LungMask mask, SplittableRandom rng,
                               double[] from, double[] dir, double length, double radius, int generationsLeft) {
        double[] to = {from[0] + dir[0] * length, from[1] + dir[1] * length, from[2] + dir[2] * length};
        c.tube(from, to, radius, BLOOD, idx -> mask.is(idx, lung.side));
        if (generationsLeft == 0) {
            return;
        }
        double[] across = perpendicular(dir, rng);
        for (int sign = -1; sign <= 1; sign += 2) {
            double angle = Math.toRadians(rng.nextDouble(20, 40));
            double[] child = new double[3];
            for (int d = 0; d < 3; d++) {
                child[d] = Math.cos(angle) * dir[d] + sign * Math.sin(angle) * across[d];
            }
            branch(c, lung, mask, rng, to, normalize(child), length * LENGTH_RATIO * rng.nextDouble(0.85, 1.15),
                    radius * RADIUS_RATIO, generationsLeft - 1);
        }
    }

    /** A random unit vector at right angles to {@code d}. */
    private static double[] perpendicular(double[] d, SplittableRandom rng) {
        while (true) {
            double[] r = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            double dot = r[0] * d[0] + r[1] * d[1] + r[2] * d[2];
            double[] p = {r[0] - dot * d[0], r[1] - dot * d[1], r[2] - dot * d[2]};
            if (Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) > 0.1) {
                return normalize(p);
            }
        }
    }

    private static double[] normalize(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
