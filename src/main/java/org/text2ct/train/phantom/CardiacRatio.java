package org.text2ct.train.phantom;

/**
 * Cardiothoracic ratio on axial slices: the heart's width is the widest run of heart-density
 * voxels (≥ 35 HU after smoothing, which stops at lung, fat, fluid and consolidation) through the
 * midline, on rows of the anterior chest that cross both lungs, over the slices of the lower lung
 * where the heart is widest; the thoracic width is the widest span from the right lung's lateral
 * edge to the left's.
 */
final class CardiacRatio {

    private static final double LOW_U = 0.15;
    private static final double HIGH_U = 0.45;
    /** Rows this far (fraction of lung depth) in front of the lungs' middle: the heart, not the spine. */
    private static final double ANTERIOR_OFFSET = 0.1;
    static final float HEART_MIN_HU = 35f;

    private CardiacRatio() {
    }

    static double measure(LungSegmentation lungs, float[] smooth) {
        PhantomGrid g = lungs.grid;
        LobeMap.Bounds r = lungs.lobes.bounds(Side.RIGHT), l = lungs.lobes.bounds(Side.LEFT);
        double zMin = Math.min(r.zMin(), l.zMin()), zMax = Math.max(r.zMax(), l.zMax());
        double yMin = Math.min(r.yMin(), l.yMin()), yMax = Math.max(r.yMax(), l.yMax());
        double yFrom = (yMin + yMax) / 2 + ANTERIOR_OFFSET * (yMax - yMin);
        int mid = g.xIndex(lungs.midlineX);
        double heart = 0, thorax = 0;
        for (int z = 0; z < g.nz(); z++) {
            double u = (g.zMm(z) - zMin) / (zMax - zMin);
            for (int y = 0; y < g.ny(); y++) {
                int lo = firstLung(lungs, g, y, z, 0, g.nx(), 1);
                int hi = firstLung(lungs, g, y, z, g.nx() - 1, -1, -1);
                if (lo >= 0 && hi >= 0) {
                    thorax = Math.max(thorax, (hi - lo + 1) * g.sx());
                }
                if (u < LOW_U || u > HIGH_U || g.yMm(y) < yFrom) {
                    continue;
                }
                if (lo >= 0 && hi >= 0 && smooth[g.index(mid, y, z)] >= HEART_MIN_HU) {
                    int left = mid, right = mid;
                    while (left + 1 < g.nx() && smooth[g.index(left + 1, y, z)] >= HEART_MIN_HU) {
                        left++;
                    }
                    while (right > 0 && smooth[g.index(right - 1, y, z)] >= HEART_MIN_HU) {
                        right--;
                    }
                    heart = Math.max(heart, (left - right + 1) * g.sx());
                }
            }
        }
        if (thorax == 0) {
            throw new IllegalArgumentException("no slice shows both lungs");
        }
        return heart / thorax;
    }

    /** First x from {@code from} (stepping by {@code step}, stopping before {@code to}) that is lung. */
    private static int firstLung(LungSegmentation lungs, PhantomGrid g, int y, int z, int from, int to, int step) {
        for (int x = from; x != to; x += step) {
            if (lungs.side[g.index(x, y, z)] != 0) {
                return x;
            }
        }
        return -1;
    }
}
