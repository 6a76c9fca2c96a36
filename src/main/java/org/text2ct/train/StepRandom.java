package org.text2ct.train;

import java.util.SplittableRandom;

/**
 * The random source of one training step, derived from the run's seed and the step number, so a
 * resumed run draws exactly what the uninterrupted run would have drawn.
 */
final class StepRandom {
    private StepRandom() {
    }

    static SplittableRandom of(long seed, int step) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (step + 1L)));
    }

    /** Standard normal values, for reparameterisation and diffusion noise. */
    static float[] gaussian(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = 1 - rng.nextDouble();
            double u2 = rng.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u1));
            v[i] = (float) (r * Math.cos(2 * Math.PI * u2));
            if (i + 1 < n) {
                v[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
            }
        }
        return v;
    }
}
