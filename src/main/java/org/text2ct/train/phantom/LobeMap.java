package org.text2ct.train.phantom;

import java.util.function.IntFunction;

/**
 * Lobes from a lung's own extent, so the generator (on its painted lungs) and the detector (on a
 * segmented lung mask) divide a lung the same way. With u running 0→1 from the lowest to the
 * highest lung voxel and v −1→1 from posterior to anterior: the oblique major fissure puts
 * {@code u < 0.45 − 0.3 v} in the lower lobe, so the lower lobe reaches high at the back; on the
 * right, the horizontal minor fissure at {@code u = 0.6} separates the middle from the upper lobe.
 */
public final class LobeMap {

    /** Extent of one lung in mm. */
    public record Bounds(double zMin, double zMax, double yMin, double yMax) { }

    private static final double MAJOR_FISSURE_U = 0.45;
    private static final double MAJOR_FISSURE_SLOPE = 0.3;
    private static final double MINOR_FISSURE_U = 0.6;

    private final Bounds right;
    private final Bounds left;

    public LobeMap(Bounds right, Bounds left) {
        this.right = right;
        this.left = left;
    }

    /** Bounds of the voxels that {@code sideOf} assigns to each lung (null = not lung). */
    public static LobeMap fromMask(PhantomGrid g, IntFunction<Side> sideOf) {
        double[][] b = {{1e9, -1e9, 1e9, -1e9}, {1e9, -1e9, 1e9, -1e9}};
        for (int z = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                int row = g.index(0, y, z);
                for (int x = 0; x < g.nx(); x++) {
                    Side s = sideOf.apply(row + x);
                    if (s != null) {
                        double[] e = b[s.ordinal()];
                        e[0] = Math.min(e[0], g.zMm(z));
                        e[1] = Math.max(e[1], g.zMm(z));
                        e[2] = Math.min(e[2], g.yMm(y));
                        e[3] = Math.max(e[3], g.yMm(y));
                    }
                }
            }
        }
        for (Side s : Side.values()) {
            double[] e = b[s.ordinal()];
            if (e[0] >= e[1] || e[2] >= e[3]) {
                throw new IllegalArgumentException("no " + s.word() + " lung in the mask");
            }
        }
        return new LobeMap(bounds(b[Side.RIGHT.ordinal()]), bounds(b[Side.LEFT.ordinal()]));
    }

    private static Bounds bounds(double[] e) {
        return new Bounds(e[0], e[1], e[2], e[3]);
    }

    public Bounds bounds(Side side) {
        return side == Side.RIGHT ? right : left;
    }

    public Lobe lobeAt(Side side, double y, double z) {
        Bounds b = bounds(side);
        double u = (z - b.zMin()) / (b.zMax() - b.zMin());
        double v = 2 * (y - b.yMin()) / (b.yMax() - b.yMin()) - 1;
        if (u < MAJOR_FISSURE_U - MAJOR_FISSURE_SLOPE * v) {
            return Lobe.LOWER;
        }
        return side == Side.RIGHT && u < MINOR_FISSURE_U ? Lobe.MIDDLE : Lobe.UPPER;
    }
}
