package org.text2ct.diffusion;

/** MONAI's {@code DDPMScheduler}: ancestral sampling from the posterior q(x_{t−1} | x_t, x₀), in float32. */
public final class DdpmScheduler implements Scheduler {
    private final DdpmConfig config;
    private final AlphaSchedule tables;

    public DdpmScheduler(DdpmConfig config) {
        this.config = config;
        this.tables = config.betas().tables();
    }

    public DdpmConfig config() {
        return config;
    }

    /** ᾱ_t for t = 0..num_train_timesteps−1 (a copy). */
    public float[] alphasCumprod() {
        return tables.alphasCumprod();
    }

    @Override
    public PredictionType predictionType() {
        return config.predictionType();
    }

    @Override
    public SchedulerRun timesteps(int numInferenceSteps, int[] latentSpatialShape, NoiseSource noise) {
        int[] steps = tables.inferenceTimesteps(numInferenceSteps, 0);
        return new SchedulerRun() {
            @Override
            public int[] timesteps() {
                return steps.clone();
            }

            @Override
            public StepResult step(float[] modelOutput, int timestep, float[] sample) {
                return DdpmScheduler.this.step(modelOutput, timestep, sample, noise);
            }
        };
    }

    @Override
    public float[] addNoise(float[] x0, float[] noise, int timestep) {
        return tables.addNoise(x0, noise, timestep);
    }

    @Override
    public float[] trainingTarget(float[] x0, float[] noise, int timestep) {
        return tables.trainingTarget(config.predictionType(), x0, noise, timestep);
    }

    /** As MONAI, the previous timestep is t − 1 whatever the number of inference steps. */
    private StepResult step(float[] modelOutput, int t, float[] sample, NoiseSource noise) {
        float alphaProd = tables.alphaCumprod(t);
        float alphaProdPrev = t > 0 ? tables.alphaCumprod(t - 1) : 1f;
        float betaProd = 1f - alphaProd;
        float betaProdPrev = 1f - alphaProdPrev;

        float[] x0 = config.clip().apply(tables.predictOriginal(config.predictionType(), modelOutput, t, sample));
        // Formula (7) of Ho et al. 2020: the posterior mean.
        float x0Coeff = AlphaSchedule.sqrt(alphaProdPrev) * tables.beta(t) / betaProd;
        float sampleCoeff = AlphaSchedule.sqrt(tables.alpha(t)) * betaProdPrev / betaProd;
        float[] prev = FloatOps.combine(x0Coeff, x0, sampleCoeff, sample);

        if (t > 0) {
            float std = AlphaSchedule.sqrt(variance(t, alphaProd, alphaProdPrev));
            float[] z = noise.next(prev.length);
            for (int i = 0; i < prev.length; i++) {
                prev[i] += std * z[i];
            }
        }
        return new StepResult(prev, x0);
    }

    private float variance(int t, float alphaProd, float alphaProdPrev) {
        return switch (config.varianceType()) {
            case FIXED_SMALL -> Math.max((1f - alphaProdPrev) / (1f - alphaProd) * tables.beta(t), 1e-20f);
            case FIXED_LARGE -> tables.beta(t);
        };
    }
}
