package org.text2ct.train;

/**
 * Learning rate per step: linear warm-up from 0 to the peak, then a cosine decay to
 * {@code minFraction}·peak at the last step (warm-up keeps Adam's first, noisy moments from
 * throwing freshly initialised weights far off).
 */
public record LrSchedule(double peak, int warmupSteps, int totalSteps, double minFraction) {

    public LrSchedule {
        if (!(peak > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + peak);
        }
        if (totalSteps < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("steps must be >= 1 and warm-up >= 0, got " + totalSteps + ", " + warmupSteps);
        }
    }

    /** Warm-up over 5% of the run (at most 500 steps), decaying to a tenth of the peak. */
    public static LrSchedule standard(double peak, int totalSteps) {
        return new LrSchedule(peak, Math.min(500, totalSteps / 20), totalSteps, 0.1);
    }

    /** The rate for 0-based step {@code step}. */
    public double at(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        int decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return peak * (minFraction + (1 - minFraction) * cosine);
    }
}
