package org.text2ct.train.phantom;

/**
 * Paints everything the lungs sit in: the scanner table, subcutaneous fat, the muscle of the chest
 * wall, mediastinal fat inside the thoracic cavity, and the upper abdomen below the diaphragm.
 */
final class BodyPainter {

    static final float AIR = -1000f;
    static final float FAT = -100f;
    static final float MUSCLE = 40f;
    static final float MEDIASTINAL_FAT = -90f;
    static final float LIVER = 55f;
    static final float UPPER_ABDOMEN = 45f;
    static final float TABLE = 150f;

    private BodyPainter() {
    }

    static void paint(VoxelCanvas c, Anatomy a, LungShape right, LungShape left) {
        c.fill(AIR);
        paintTable(c, a);
        double cavA = a.cavityA(), cavB = a.cavityB();
        double muscleA = a.bodyA() - a.fat(), muscleB = a.bodyB() - a.fat();
        c.forBox(-a.bodyA(), a.bodyA(), a.bodyCy() - a.bodyB(), a.bodyCy() + a.bodyB(), -1e9, 1e9, (idx, x, y, z) -> {
            double dy = y - a.bodyCy();
            if (ellipse(x, dy, a.bodyA(), a.bodyB()) > 1) {
                return;
            }
            if (ellipse(x, dy, muscleA, muscleB) > 1) {
                c.hu[idx] = FAT;
            } else if (ellipse(x, dy, cavA, cavB) > 1) {
                c.hu[idx] = MUSCLE;
            } else {
                c.hu[idx] = cavity(x, y, z, right, left);
            }
        });
    }

    private static float cavity(double x, double y, double z, LungShape right, LungShape left) {
        LungShape lung = x < 0 ? right : left;
        if (z >= lung.diaphragmZ(x, y)) {
            return MEDIASTINAL_FAT;
        }
        return x < 0 ? LIVER : UPPER_ABDOMEN;
    }

    /** A concave table top a few millimetres below the patient's back, its rim rising at the sides. */
    private static void paintTable(VoxelCanvas c, Anatomy a) {
        double width = a.bodyA() * 1.15;
        double rise = 0.15 * a.bodyB();
        c.forBox(-width, width, a.tableY() - 10, a.tableY() + rise, -1e9, 1e9, (idx, x, y, z) -> {
            double top = a.tableY() + rise * (1 - Math.sqrt(Math.max(0, 1 - (x / width) * (x / width))));
            if (y <= top && y >= top - 10) {
                c.hu[idx] = TABLE;
            }
        });
    }

    static double ellipse(double x, double y, double ax, double ay) {
        return (x / ax) * (x / ax) + (y / ay) * (y / ay);
    }
}
