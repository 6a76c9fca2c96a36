package org.text2ct.train.phantom;

import java.util.SplittableRandom;

/**
 * Finds a spot for a nodule well inside one lobe of aerated lung: every probe on a shell around the
 * centre must be lung of that side, and a wider shell must stay in the same lobe, so that the
 * nodule neither touches the pleura nor straddles a fissure.
 */
final class NodulePlacer {

    private static final int TRIES = 400;
    private static final double LUNG_MARGIN_MM = 10;
    private static final double LOBE_MARGIN_MM = 12;
    private static final double[][] DIRECTIONS = directions();

    /** A nodule's centre (mm) and radius (mm). */
    record Placement(double[] centre, double radius) {

        void paint(VoxelCanvas c, FindingType type, SplittableRandom rng) {
            double r = radius;
            float value = type == FindingType.SOLID_NODULE ? FindingPainter.SOLID : FindingPainter.GROUND_GLASS;
            double[] p = centre;
            c.forBox(p[0] - r, p[0] + r, p[1] - r, p[1] + r, p[2] - r, p[2] + r, (idx, x, y, z) -> {
                double dx = x - p[0], dy = y - p[1], dz = z - p[2];
                if (dx * dx + dy * dy + dz * dz <= r * r) {
                    c.hu[idx] = value + (float) rng.nextDouble(-10, 10);
                }
            });
        }
    }

    private final PhantomGrid g;
    private final LungMask mask;
    private final LobeMap lobes;
    private final SplittableRandom rng;

    NodulePlacer(PhantomGrid g, LungMask mask, LobeMap lobes, SplittableRandom rng) {
        this.g = g;
        this.mask = mask;
        this.lobes = lobes;
        this.rng = rng;
    }

    /** The best spot found; if no spot meets every margin, the one that meets most of them. */
    Placement place(Finding f) {
        int[] pool = mask.voxels(f.side(), f.lobe(), lobes);
        double radius = f.sizeMm() / 2;
        double[] best = null;
        int bestScore = -1;
        for (int t = 0; t < TRIES && bestScore < 2 * DIRECTIONS.length; t++) {
            double[] at = g.worldMm(pool[rng.nextInt(pool.length)]);
            int score = score(at, radius, f.side(), f.lobe());
            if (score > bestScore) {
                bestScore = score;
                best = at;
            }
        }
        return new Placement(best, radius);
    }

    private int score(double[] at, double radius, Side side, Lobe lobe) {
        int score = 0;
        for (double[] d : DIRECTIONS) {
            double rl = radius + LUNG_MARGIN_MM, ro = radius + LOBE_MARGIN_MM;
            int idx = g.index(g.xIndex(at[0] + rl * d[0]), g.yIndex(at[1] + rl * d[1]), g.zIndex(at[2] + rl * d[2]));
            score += mask.is(idx, side) ? 1 : 0;
            score += lobes.lobeAt(side, at[1] + ro * d[1], at[2] + ro * d[2]) == lobe ? 1 : 0;
        }
        return score;
    }

    /** The 26 unit directions to the neighbours of a cube's centre. */
    private static double[][] directions() {
        double[][] out = new double[26][];
        int n = 0;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dx != 0 || dy != 0 || dz != 0) {
                        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        out[n++] = new double[] {dx / len, dy / len, dz / len};
                    }
                }
            }
        }
        return out;
    }
}
