package org.text2ct.diffusion;

/** Told after each sampling step; the Fiji status bar and the CLI progress bar implement it. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param step steps done so far (1-based), out of {@code total}
     * @param etaSeconds estimated time to finish, from the mean time per step so far
     */
    void onStep(int step, int total, double elapsedSeconds, double etaSeconds);

    ProgressListener NONE = (step, total, elapsed, eta) -> { };
}
