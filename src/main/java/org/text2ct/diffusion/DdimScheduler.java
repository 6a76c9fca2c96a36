package org.text2ct.diffusion;

/** MONAI's {@code DDIMScheduler}: the deterministic (eta 0) or partly stochastic DDIM update, in float32. */
public final class DdimScheduler implements Scheduler {
    private final DdimConfig config;
    private final AlphaSchedule tables;
    /** ᾱ used after the last step, where no earlier timestep exists. */
    private final float finalAlphaCumprod;

    public DdimScheduler(DdimConfig config) {
        this.config = config;
        this.tables = config.betas().tables();
        this.finalAlphaCumprod = config.setAlphaToOne() ? 1f : tables.alphaCumprod(0);
    }

    public DdimConfig config() {
        return config;
    }

    @Override
    public PredictionType predictionType() {
        return config.predictionType();
    }

    @Override
    public SchedulerRun timesteps(int numInferenceSteps, int[] latentSpatialShape, NoiseSource noise) {
        int[] steps = tables.inferenceTimesteps(numInferenceSteps, config.stepsOffset());
        int stride = tables.numTrainTimesteps() / numInferenceSteps;
        return new SchedulerRun() {
            @Override
            public int[] timesteps() {
                return steps.clone();
            }

            @Override
            public StepResult step(float[] modelOutput, int timestep, float[] sample) {
                return DdimScheduler.this.step(modelOutput, timestep, timestep - stride, sample, noise);
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

    /** Formulas (12) and (16) of Song et al., "Denoising Diffusion Implicit Models". */
    private StepResult step(float[] modelOutput, int t, int prevT, float[] sample, NoiseSource noise) {
        float alphaProd = tables.alphaCumprod(t);
        float alphaProdPrev = prevT >= 0 ? tables.alphaCumprod(prevT) : finalAlphaCumprod;
        PredictionType type = config.predictionType();

        float[] x0 = tables.predictOriginal(type, modelOutput, t, sample);
        float[] eps = tables.predictEpsilon(type, modelOutput, t, sample, x0);
        config.clip().apply(x0);

        float variance = (1f - alphaProdPrev) / (1f - alphaProd) * (1f - alphaProd / alphaProdPrev);
        float std = (float) config.eta() * AlphaSchedule.sqrt(variance);
        float direction = AlphaSchedule.sqrt(1f - alphaProdPrev - std * std);
        float[] prev = FloatOps.combine(AlphaSchedule.sqrt(alphaProdPrev), x0, direction, eps);

        if (config.eta() > 0) {
            float scale = AlphaSchedule.sqrt(variance) * (float) config.eta();
            float[] z = noise.next(prev.length);
            for (int i = 0; i < prev.length; i++) {
                prev[i] += scale * z[i];
            }
        }
        return new StepResult(prev, x0);
    }
}
