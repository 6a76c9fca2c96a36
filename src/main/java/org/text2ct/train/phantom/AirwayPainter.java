package org.text2ct.train.phantom;

/** Trachea and main bronchi: air lumens inside a thin soft-tissue wall. */
final class AirwayPainter {

    private static final float WALL = 40f;
    private static final double WALL_MM = 2;

    private AirwayPainter() {
    }

    static void paint(VoxelCanvas c, Anatomy a) {
        double top = a.heightMm();
        double[] carina = {0, a.tracheaY(), a.zCarina()};
        double[][] trachea = {{0, a.tracheaY() + 4, top}, carina};
        double bronchusR = 0.68 * a.tracheaR();
        double drop = a.zCarina() - 0.06 * a.heightMm();
        double reach = a.mediastinumHalfWidth() + 18;
        double[][] right = {carina, {-reach, a.tracheaY() - 10, drop}};
        double[][] left = {carina, {reach, a.tracheaY() - 10, drop - 6}};
        for (boolean lumen : new boolean[] {false, true}) {
            float value = lumen ? BodyPainter.AIR : WALL;
            double extra = lumen ? 0 : WALL_MM;
            c.tubePath(trachea, a.tracheaR() + extra, value, idx -> true);
            c.tubePath(right, bronchusR + extra, value, idx -> true);
            c.tubePath(left, bronchusR + extra, value, idx -> true);
        }
    }
}
