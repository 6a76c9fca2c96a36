package org.text2ct.train.phantom;

import java.util.SplittableRandom;

/**
 * Heart and thoracic aorta as they look without contrast: blood and myocardium at +45 HU,
 * and in older patients a few calcified plaques on the aortic wall.
 */
final class HeartPainter {

    static final float HEART = 45f;
    static final float AORTA = 45f;
    private static final float PLAQUE = 200f;
    private static final double PERIAORTIC_FAT_MM = 6;

    private HeartPainter() {
    }

    static void paint(VoxelCanvas c, Anatomy a, int age, SplittableRandom rng) {
        c.fillEllipsoid(a.heart(), HEART);
        double[][] path = aortaPath(a);
        // A sleeve of mediastinal fat ties the aorta to the spine, so lung never encircles it.
        c.tubePath(path, a.aortaR() + PERIAORTIC_FAT_MM, BodyPainter.MEDIASTINAL_FAT, idx -> true);
        c.tubePath(path, a.aortaR(), AORTA, idx -> true);
        int plaques = age < 50 ? 0 : (age - 45) / 8;
        for (int p = 0; p < plaques; p++) {
            double[] at = path[1 + rng.nextInt(path.length - 1)];
            double angle = rng.nextDouble(0, 2 * Math.PI);
            double[] spot = {at[0] + a.aortaR() * Math.cos(angle), at[1] + a.aortaR() * Math.sin(angle),
                at[2] - rng.nextDouble(0, 0.1 * a.heightMm())};
            c.tube(spot, new double[] {spot[0], spot[1], spot[2] + 4}, 1.8, PLAQUE, idx -> true);
        }
    }

    /** Ascending aorta right of the midline, arch over the left bronchus, descending left of the spine. */
    private static double[][] aortaPath(Anatomy a) {
        var h = a.heart();
        double archZ = a.zCarina() + 0.08 * a.heightMm();
        double descX = 0.9 * a.spineRx() + a.aortaR();
        double descY = a.spineY() + 0.6 * a.spineRy();
        return new double[][] {
            {h.cx() - 0.35 * h.ax(), h.cy() - 0.2 * h.ay(), h.cz() + 0.5 * h.az()},
            {-0.25 * h.ax(), a.tracheaY() + a.tracheaR() + a.aortaR() + 4, archZ - 15},
            {0, a.tracheaY() + 0.5 * a.tracheaR(), archZ},
            {descX, a.tracheaY() - 0.5 * a.tracheaR(), archZ - 10},
            {descX, descY, archZ - 35},
            {descX, descY, -a.heightMm()},
        };
    }
}
