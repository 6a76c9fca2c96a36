package org.text2ct.train.phantom;

import java.util.SplittableRandom;

/**
 * Geometry of one patient in world millimetres (origin at the grid centre, RAS axes).
 *
 * <p>Across the axial plane sizes are physical, so a slim patient looks slim at any spacing. Along z
 * the thorax is fitted to the field of view, because a chest CT is planned from the lung apices to
 * the bases: the lungs fill the grid craniocaudally whatever its slice thickness.
 */
public record Anatomy(
        double bodyA, double bodyB, double bodyCy, double fat, double muscle,
        double zApex, double zBase, double dome,
        Ellipsoid heart, double spineY, double spineRx, double spineRy,
        double tracheaY, double tracheaR, double zCarina, double aortaR, double tableY, double heightMm) {

    /** Axis-aligned ellipsoid: centre and semi-axes in mm. */
    public record Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) { }

    /** Ratio heart width / inner thoracic width (the cardiothoracic ratio) of normal hearts. */
    static final double NORMAL_CTR_MIN = 0.40;
    static final double NORMAL_CTR_MAX = 0.47;
    /** Enlarged hearts; the gap to the normal range keeps the label unambiguous. */
    static final double ENLARGED_CTR_MIN = 0.58;
    static final double ENLARGED_CTR_MAX = 0.66;

    public static Anatomy of(Patient p, boolean cardiomegaly, PhantomGrid grid, SplittableRandom rng) {
        boolean male = p.sex() == Sex.MALE;
        double size = p.bodySize();
        double bodyA = ((male ? 160 : 145) + (male ? 30 : 27) * size) * vary(rng, 0.04);
        double bodyB = ((male ? 110 : 100) + (male ? 25 : 22) * size) * vary(rng, 0.04);
        double fat = (6 + 24 * size + (male ? 0 : 4)) * vary(rng, 0.15);
        // Muscle thins with age (sarcopenia).
        double muscle = ((male ? 14 : 11) - 0.04 * (p.age() - 40)) * vary(rng, 0.1);
        double bodyCy = rng.nextDouble(-8, 8);

        double h = grid.heightMm();
        double zApex = h / 2 - 0.05 * h;
        double zBase = -h / 2 + 0.07 * h;
        double dome = 0.16 * h * vary(rng, 0.1);

        double cavA = bodyA - fat - muscle;
        double cavB = bodyB - fat - muscle;
        double ctr = cardiomegaly
                ? rng.nextDouble(ENLARGED_CTR_MIN, ENLARGED_CTR_MAX)
                : rng.nextDouble(NORMAL_CTR_MIN, NORMAL_CTR_MAX);
        double hx = ctr * cavA;
        double hy = Math.min(0.55 * cavB, 0.85 * hx);
        double hz = 0.2 * h;
        Ellipsoid heart = new Ellipsoid(0.1 * cavA, bodyCy + 0.32 * cavB, zBase + 0.9 * dome + 0.7 * hz, hx, hy, hz);

        double spineRx = 21 * vary(rng, 0.08);
        double spineRy = 16 * vary(rng, 0.08);
        double spineY = bodyCy - cavB + 1.3 * spineRy;
        double tracheaR = (male ? 9.5 : 8) * vary(rng, 0.08);
        double tracheaY = spineY + spineRy + tracheaR + 14;
        double zCarina = zApex - 0.42 * (zApex - zBase);
        double aortaR = (11 + 0.04 * (p.age() - 20)) * vary(rng, 0.08);
        double tableY = bodyCy - bodyB - 6;
        return new Anatomy(bodyA, bodyB, bodyCy, fat, muscle, zApex, zBase, dome, heart,
                spineY, spineRx, spineRy, tracheaY, tracheaR, zCarina, aortaR, tableY, h);
    }

    private static double vary(SplittableRandom rng, double fraction) {
        return 1 + rng.nextDouble(-fraction, fraction);
    }

    /** Semi-axis (x) of the thoracic cavity inside the chest wall. */
    public double cavityA() {
        return bodyA - fat - muscle;
    }

    public double cavityB() {
        return bodyB - fat - muscle;
    }

    /** Whether an axial-plane point (mm) lies inside the body outline. */
    public boolean insideBody(double x, double y) {
        double dx = x / bodyA, dy = (y - bodyCy) / bodyB;
        return dx * dx + dy * dy <= 1;
    }

    /** Half the mediastinal gap between the lungs' medial surfaces. */
    public double mediastinumHalfWidth() {
        return 0.09 * cavityA();
    }
}
