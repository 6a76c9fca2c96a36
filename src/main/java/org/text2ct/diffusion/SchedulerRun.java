package org.text2ct.diffusion;

/**
 * The state of one sampling run, created by {@link Scheduler#timesteps}; never shared between runs, so
 * one scheduler can serve several pipelines at once.
 */
public interface SchedulerRun {
    /** The timesteps to visit, highest (noisiest) first; a fresh copy. */
    int[] timesteps();

    /**
     * Moves {@code sample} from {@code timestep} towards the next timestep of the run. Schedulers whose step
     * depends on the next timestep require the timesteps in order and say so if they are not.
     */
    StepResult step(float[] modelOutput, int timestep, float[] sample);
}
