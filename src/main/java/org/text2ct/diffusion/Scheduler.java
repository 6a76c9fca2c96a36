package org.text2ct.diffusion;

/**
 * A diffusion noise scheduler (diffusers style): it holds only its immutable configuration; everything a
 * sampling run needs is in the {@link SchedulerRun} it returns. Arrays are flattened latents of any shape.
 */
public interface Scheduler {
    PredictionType predictionType();

    /** Starts a deterministic run; a stochastic step of it fails with a clear message. */
    default SchedulerRun timesteps(int numInferenceSteps, int[] latentSpatialShape) {
        return timesteps(numInferenceSteps, latentSpatialShape, NoiseSource.NONE);
    }

    /**
     * Starts a run of {@code numInferenceSteps} steps for a latent with the given spatial shape (only the
     * rectified-flow timestep transform looks at it); {@code noise} feeds the stochastic steps.
     */
    SchedulerRun timesteps(int numInferenceSteps, int[] latentSpatialShape, NoiseSource noise);

    /** The forward process: x₀ noised to {@code timestep}. */
    float[] addNoise(float[] x0, float[] noise, int timestep);

    /** What the network is trained to predict for this x₀, noise and timestep. */
    float[] trainingTarget(float[] x0, float[] noise, int timestep);
}
