package org.text2ct.diffusion;

import java.util.concurrent.CancellationException;

/**
 * The sampling loop: from the initial noise, one denoiser call and one scheduler step per
 * timestep, reporting progress and checking for cancellation between steps (so a cancel
 * stops within one step).
 */
public final class Sampler {
    private final Scheduler scheduler;

    public Sampler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param latentSpatialShape X, Y, Z of the latent (the rectified-flow schedule depends on it)
     * @param noise the starting latent, flattened; not modified
     * @param stochastic noise for schedulers with stochastic steps (DDPM, DDIM with eta > 0)
     */
    public float[] sample(int steps, int[] latentSpatialShape, float[] noise, NoiseSource stochastic,
            GuidedDenoiser denoiser, ProgressListener progress, CancelToken cancel, LatentObserver observer) {
        if (steps < 1) {
            throw new IllegalArgumentException("number of steps must be at least 1, got " + steps);
        }
        SchedulerRun run = scheduler.timesteps(steps, latentSpatialShape, stochastic);
        int[] timesteps = run.timesteps();
        StepClock clock = new StepClock(progress, timesteps.length);
        float[] latent = noise.clone();
        for (int i = 0; i < timesteps.length; i++) {
            if (cancel.isCancelled()) {
                throw new CancellationException("sampling cancelled after " + i + " of " + timesteps.length + " steps");
            }
            float[] output = denoiser.predict(latent, timesteps[i]);
            latent = run.step(output, timesteps[i], latent).prevSample();
            observer.afterStep(i + 1, latent);
            clock.stepDone();
        }
        return latent;
    }

    public Scheduler scheduler() {
        return scheduler;
    }
}
