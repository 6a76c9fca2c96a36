package org.text2ct.train.phantom;

/**
 * Ribs: bony arcs inside the chest-wall muscle, from the spine round to the front, sloping down
 * anteriorly as real ribs do, and leaving a gap at the sternum where costal cartilage would be.
 */
final class RibPainter {

    static final float RIB = 700f;
    private static final double RADIUS_MM = 4.5;
    private static final double SLOPE_MM = 45;
    private static final int SEGMENTS = 18;
    private static final double START = 0.22;
    private static final double END = 2.5;

    private RibPainter() {
    }

    static void paint(VoxelCanvas c, Anatomy a) {
        double ra = a.cavityA() + 0.5 * a.muscle();
        double rb = a.cavityB() + 0.5 * a.muscle();
        double spacing = (a.zApex() - a.zBase()) / 10;
        for (double zRib = a.zApex(); zRib > a.zBase() - spacing; zRib -= spacing) {
            for (int s = -1; s <= 1; s += 2) {
                double[][] arc = new double[SEGMENTS + 1][];
                for (int p = 0; p <= SEGMENTS; p++) {
                    double phi = START + (END - START) * p / SEGMENTS;
                    arc[p] = new double[] {s * ra * Math.sin(phi), a.bodyCy() - rb * Math.cos(phi),
                        zRib - SLOPE_MM * (1 - Math.cos(phi)) / 2};
                }
                c.tubePath(arc, RADIUS_MM, RIB, idx -> true);
            }
        }
    }
}
