package org.text2ct.train.phantom;

/**
 * One lung: an elliptic column across the axial plane, rounded to a dome at the apex and cut below
 * by the diaphragm, which bulges upwards centrally and leaves deep costophrenic recesses at the rim.
 */
final class LungShape {

    final Side side;
    final double cx, cy, ax, ay;
    private final double zApex, zDomeStart, zBase, dome;

    LungShape(Anatomy a, Side side) {
        this.side = side;
        double gap = a.mediastinumHalfWidth();
        this.ax = 0.5 * (a.cavityA() - gap) * 0.97;
        this.cx = side.sign * (gap + ax);
        this.ay = 0.9 * a.cavityB();
        this.cy = a.bodyCy() - 0.05 * a.cavityB();
        this.zApex = a.zApex();
        this.zDomeStart = a.zApex() - 0.35 * (a.zApex() - a.zBase());
        this.zBase = a.zBase();
        // The liver lifts the right hemidiaphragm a little above the left.
        this.dome = a.dome() * (side == Side.RIGHT ? 1.15 : 1.0);
    }

    boolean contains(double x, double y, double z) {
        double dx = (x - cx) / ax, dy = (y - cy) / ay;
        double r2 = dx * dx + dy * dy;
        if (r2 > 1 || z < diaphragmZ(r2) || z > zApex) {
            return false;
        }
        if (z > zDomeStart) {
            double dz = (z - zDomeStart) / (zApex - zDomeStart);
            return r2 + dz * dz <= 1;
        }
        return true;
    }

    /** Height of the diaphragm under the lung at a point of the axial plane. */
    double diaphragmZ(double x, double y) {
        double dx = (x - cx) / ax, dy = (y - cy) / ay;
        return diaphragmZ(dx * dx + dy * dy);
    }

    private double diaphragmZ(double r2) {
        return zBase + dome * Math.max(0, 1 - r2);
    }

    double zApex() {
        return zApex;
    }

    double zBase() {
        return zBase;
    }
}
