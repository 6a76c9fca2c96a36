package org.text2ct.train.phantom;

/**
 * Thoracic spine inside its paravertebral muscles: vertebral bodies with a dense cortical rim and a
 * cancellous core, intervertebral discs, and the posterior arch around the spinal canal.
 */
final class SpinePainter {

    static final float CORTEX = 950f;
    static final float CANCELLOUS = 420f;
    private static final float DISC = 80f;
    private static final float ARCH = 700f;
    private static final double CORTEX_MM = 2.5;
    private static final double LEVEL_MM = 27;
    private static final double DISC_MM = 6;

    private SpinePainter() {
    }

    static void paint(VoxelCanvas c, Anatomy a) {
        double rx = a.spineRx(), ry = a.spineRy(), cy = a.spineY();
        double canalY = cy - ry - 9;
        c.forBox(-2.4 * rx, 2.4 * rx, canalY - 45, cy + ry, -1e9, 1e9, (idx, x, y, z) -> {
            if (BodyPainter.ellipse(x, y - (canalY - 8), 2.4 * rx, 48) <= 1 && a.insideBody(x, y)) {
                c.hu[idx] = BodyPainter.MUSCLE;
            }
        });
        c.forBox(-rx, rx, cy - ry, cy + ry, -1e9, 1e9, (idx, x, y, z) -> {
            double e = BodyPainter.ellipse(x, y - cy, rx, ry);
            if (e > 1) {
                return;
            }
            double level = Math.floorMod((long) Math.floor(z * 10), (long) (LEVEL_MM * 10)) / 10.0;
            if (level < DISC_MM) {
                c.hu[idx] = DISC;
            } else if (e > inner(rx, ry)) {
                c.hu[idx] = CORTEX;
            } else {
                c.hu[idx] = CANCELLOUS;
            }
        });
        c.forBox(-15, 15, canalY - 15, canalY + 15, -1e9, 1e9, (idx, x, y, z) -> {
            double r = Math.hypot(x, y - canalY);
            if (r > 8 && r <= 14 && y < canalY + 6 && a.insideBody(x, y)) {
                c.hu[idx] = ARCH;
            }
        });
        // Spinous process, pointing backwards.
        c.forBox(-4, 4, canalY - 38, canalY - 13, -1e9, 1e9, (idx, x, y, z) -> {
            if (a.insideBody(x, y)) {
                c.hu[idx] = ARCH;
            }
        });
    }

    /** Elliptic radius² below which bone is cancellous rather than cortex. */
    private static double inner(double rx, double ry) {
        double f = 1 - CORTEX_MM / Math.min(rx, ry);
        return f * f;
    }
}
