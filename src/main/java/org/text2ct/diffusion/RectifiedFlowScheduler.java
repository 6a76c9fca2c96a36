package org.text2ct.diffusion;

/**
 * MONAI's {@code RFlowScheduler} with discrete timesteps: x_t = (1 − t/T)·x₀ + (t/T)·ε, the network
 * predicts v = x₀ − ε, and an Euler step from t to t' is x + v·(t − t')/T.
 */
public final class RectifiedFlowScheduler implements Scheduler {
    private final RectifiedFlowConfig config;

    public RectifiedFlowScheduler(RectifiedFlowConfig config) {
        this.config = config;
    }

    public RectifiedFlowConfig config() {
        return config;
    }

    @Override
    public PredictionType predictionType() {
        return PredictionType.V_PREDICTION;
    }

    /** Evenly spaced from T down, optionally shifted towards T for latents larger than the base size. */
    @Override
    public SchedulerRun timesteps(int numInferenceSteps, int[] latentSpatialShape, NoiseSource noise) {
        int total = config.numTrainTimesteps();
        if (numInferenceSteps < 1 || numInferenceSteps > total) {
            throw new IllegalArgumentException("num_inference_steps " + numInferenceSteps + " must lie in 1.."
                    + total + " (num_train_timesteps)");
        }
        double ratio = config.useTimestepTransform() ? shiftRatio(latentSpatialShape) : 1;
        int[] steps = new int[numInferenceSteps];
        for (int i = 0; i < numInferenceSteps; i++) {
            double t = Math.rint((1.0 - (double) i / numInferenceSteps) * total);
            if (config.useTimestepTransform()) {
                double s = t / total;
                t = ratio * s / (1 + (ratio - 1) * s) * total;
            }
            // MONAI passes the timesteps through float16 before truncating them to integers.
            steps[i] = (int) Float16.round(t) + config.stepsOffset();
        }
        return new Run(steps);
    }

    /** (latent voxels / base voxels)^(1/spatial_dim): the resolution shift of the timestep transform. */
    private double shiftRatio(int[] latentSpatialShape) {
        if (latentSpatialShape == null || latentSpatialShape.length == 0) {
            throw new IllegalArgumentException("the timestep transform needs the latent's spatial shape");
        }
        long voxels = 1;
        for (int size : latentSpatialShape) {
            if (size < 1) {
                throw new IllegalArgumentException("latent spatial sizes must be positive, got " + size);
            }
            voxels *= size;
        }
        return StrictMath.pow((double) voxels / config.baseImgSizeNumel(), 1.0 / config.spatialDim());
    }

    @Override
    public float[] addNoise(float[] x0, float[] noise, int timestep) {
        float keep = 1f - (float) timestep / config.numTrainTimesteps();
        return FloatOps.combine(keep, x0, 1f - keep, noise);
    }

    /** v = x₀ − ε (the sign MONAI trains with). */
    @Override
    public float[] trainingTarget(float[] x0, float[] noise, int timestep) {
        return FloatOps.combine(1f, x0, -1f, noise);
    }

    /** A run walks its timesteps in order, because each step needs the next timestep (0 after the last). */
    private final class Run implements SchedulerRun {
        private final int[] steps;
        private int position;

        Run(int[] steps) {
            this.steps = steps;
        }

        @Override
        public int[] timesteps() {
            return steps.clone();
        }

        @Override
        public StepResult step(float[] modelOutput, int timestep, float[] sample) {
            if (position >= steps.length || steps[position] != timestep) {
                throw new IllegalStateException("rectified-flow steps must follow the run's timesteps in order: "
                        + "expected " + (position < steps.length ? steps[position] : "no more steps")
                        + ", got " + timestep);
            }
            int next = position + 1 < steps.length ? steps[position + 1] : 0;
            position++;
            float total = config.numTrainTimesteps();
            float dt = (float) ((double) (timestep - next) / config.numTrainTimesteps());
            FloatOps.sameLength(modelOutput, sample);
            float[] prev = new float[sample.length];
            float[] x0 = new float[sample.length];
            for (int i = 0; i < sample.length; i++) {
                prev[i] = sample[i] + modelOutput[i] * dt;
                x0[i] = sample[i] + modelOutput[i] * timestep / total;
            }
            return new StepResult(prev, x0);
        }
    }
}
