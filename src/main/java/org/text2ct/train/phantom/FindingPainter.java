package org.text2ct.train.phantom;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Paints the labelled findings into painted lungs. Diffuse findings go first (emphysema,
 * consolidation, effusion); nodules last, placed only in lung that is still aerated so that a
 * nodule is never hidden in fluid or consolidation.
 */
final class FindingPainter {

    static final float SOLID = 40f;
    static final float GROUND_GLASS = -500f;
    static final float EFFUSION = 10f;
    /** Kept between effusion (+10) and heart (+45) so that the cardiothoracic ratio can tell them apart. */
    static final float CONSOLIDATION = 26f;
    static final float EMPHYSEMA = -950f;
    /** Voxels at or above this are no longer aerated lung. */
    static final float AERATED_MAX = -500f;

    private final VoxelCanvas c;
    private final LungMask mask;
    private final LobeMap lobes;
    private final SplittableRandom rng;

    FindingPainter(VoxelCanvas c, LungMask mask, LobeMap lobes, SplittableRandom rng) {
        this.c = c;
        this.mask = mask;
        this.lobes = lobes;
        this.rng = rng;
    }

    void paint(List<Finding> findings) {
        for (Finding f : findings) {
            switch (f.type()) {
                case EMPHYSEMA -> emphysema();
                case CONSOLIDATION -> consolidation(f.side(), f.lobe());
                case PLEURAL_EFFUSION -> effusion(f.side(), f.amount());
                default -> { }
            }
        }
        mask.keepBelow(c.hu, AERATED_MAX);
        for (Finding f : findings) {
            if (f.type().isNodule()) {
                new NodulePlacer(c.grid, mask, lobes, rng).place(f).paint(c, f.type(), rng);
            }
        }
    }

    /** Centrilobular low-attenuation patches, mostly in the upper lobes. */
    private void emphysema() {
        int patches = rng.nextInt(30, 60);
        for (Side side : Side.values()) {
            int[] upper = mask.voxels(side, Lobe.UPPER, lobes);
            int[] any = mask.voxels(side, null, lobes);
            for (int p = 0; p < patches / 2; p++) {
                int[] pool = rng.nextDouble() < 0.75 && upper.length > 0 ? upper : any;
                double[] at = c.grid.worldMm(pool[rng.nextInt(pool.length)]);
                double r = rng.nextDouble(4, 10);
                c.forBox(at[0] - r, at[0] + r, at[1] - r, at[1] + r, at[2] - r, at[2] + r, (idx, x, y, z) -> {
                    double dx = x - at[0], dy = y - at[1], dz = z - at[2];
                    if (dx * dx + dy * dy + dz * dz <= r * r && mask.is(idx, side)) {
                        c.hu[idx] = EMPHYSEMA + (float) rng.nextDouble(-15, 15);
                    }
                });
            }
        }
    }

    /** Airspace opacification of part of a lobe, filling it up to the lobe's fissures. */
    private void consolidation(Side side, Lobe lobe) {
        int[] pool = mask.voxels(side, lobe, lobes);
        double[] at = c.grid.worldMm(pool[rng.nextInt(pool.length)]);
        double r = rng.nextDouble(35, 55);
        c.forBox(at[0] - r, at[0] + r, at[1] - r, at[1] + r, at[2] - r, at[2] + r, (idx, x, y, z) -> {
            double dx = x - at[0], dy = y - at[1], dz = z - at[2];
            if (dx * dx + dy * dy + dz * dz <= r * r && mask.is(idx, side) && lobes.lobeAt(side, y, z) == lobe) {
                c.hu[idx] = CONSOLIDATION + (float) rng.nextDouble(-3, 3);
            }
        });
    }

    /** Dependent fluid: deepest at the posterior base, thinning upwards to a meniscus. */
    private void effusion(Side side, Amount amount) {
        LobeMap.Bounds b = lobes.bounds(side);
        double height = amount.heightFraction * (b.zMax() - b.zMin());
        double depth = amount.depthFraction * (b.yMax() - b.yMin());
        c.forBox(-1e9, 1e9, b.yMin(), b.yMin() + depth, b.zMin(), b.zMin() + height, (idx, x, y, z) -> {
            double level = b.yMin() + depth * Math.sqrt(Math.max(0, 1 - (z - b.zMin()) / height));
            if (y <= level && mask.is(idx, side)) {
                c.hu[idx] = EFFUSION;
            }
        });
    }
}
