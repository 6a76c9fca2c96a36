package org.text2ct.train.phantom;

import java.util.SplittableRandom;

/**
 * Paints a synthetic chest CT for given labels. The same labels, grid and seed give the same
 * volume bit for bit: every random draw comes from one {@link SplittableRandom} in a fixed order.
 */
public final class PhantomGenerator {

    static final double NOISE_MIN_HU = 10;
    static final double NOISE_MAX_HU = 20;

    private PhantomGenerator() {
    }

    public static Phantom generate(PhantomLabels labels, PhantomGrid grid, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Anatomy a = Anatomy.of(labels.patient(), labels.has(FindingType.CARDIOMEGALY), grid, rng);
        LungShape[] lungs = {new LungShape(a, Side.RIGHT), new LungShape(a, Side.LEFT)};
        VoxelCanvas c = new VoxelCanvas(grid);
        BodyPainter.paint(c, a, lungs[0], lungs[1]);
        LungMask mask = LungPainter.paint(c, lungs, rng);
        for (LungShape lung : lungs) {
            VesselTree.paint(c, a, lung, mask, rng);
        }
        AirwayPainter.paint(c, a);
        HeartPainter.paint(c, a, labels.patient().age(), rng);
        SpinePainter.paint(c, a);
        RibPainter.paint(c, a);
        mask.keepBelow(c.hu, FindingPainter.AERATED_MAX);
        LobeMap lobes = LobeMap.fromMask(grid, idx -> mask.any(idx) ? Side.values()[mask.side[idx] - 1] : null);
        new FindingPainter(c, mask, lobes, rng).paint(labels.findings());
        addNoise(c.hu, rng);
        return new Phantom(grid, c.hu, labels);
    }

    /** Quantum noise of a CT scanner, white and Gaussian to first order. */
    private static void addNoise(float[] hu, SplittableRandom rng) {
        double sigma = rng.nextDouble(NOISE_MIN_HU, NOISE_MAX_HU);
        for (int i = 0; i < hu.length; i++) {
            hu[i] += (float) (sigma * rng.nextGaussian());
        }
    }
}
