package org.text2ct.diffusion;

/**
 * The float32 tables of MONAI's base {@code Scheduler} (betas, alphas, alphas_cumprod) and the formulas
 * that only need them: noising, the velocity target and recovering x₀ and ε from a prediction.
 */
final class AlphaSchedule {
    private final float[] betas;
    private final float[] alphas;
    private final float[] alphasCumprod;

    AlphaSchedule(BetaSchedule schedule, int numTrainTimesteps, double betaStart, double betaEnd) {
        betas = schedule.betas(numTrainTimesteps, betaStart, betaEnd);
        alphas = new float[betas.length];
        alphasCumprod = new float[betas.length];
        // torch.cumprod on the CPU accumulates float32 input in double and rounds each partial product.
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            alphas[t] = 1f - betas[t];
            product *= alphas[t];
            alphasCumprod[t] = (float) product;
        }
    }

    int numTrainTimesteps() {
        return betas.length;
    }

    float beta(int t) {
        return betas[index(t)];
    }

    float alpha(int t) {
        return alphas[index(t)];
    }

    float alphaCumprod(int t) {
        return alphasCumprod[index(t)];
    }

    /** MONAI's evenly spaced inference timesteps {@code round(i·(T div n))}, highest first, plus an offset. */
    int[] inferenceTimesteps(int numInferenceSteps, int stepsOffset) {
        if (numInferenceSteps < 1 || numInferenceSteps > betas.length) {
            throw new IllegalArgumentException("num_inference_steps " + numInferenceSteps + " must lie in 1.."
                    + betas.length + " (num_train_timesteps)");
        }
        int ratio = betas.length / numInferenceSteps;
        if (stepsOffset >= ratio) {
            throw new IllegalArgumentException("steps_offset " + stepsOffset + " must be below num_train_timesteps"
                    + " div num_inference_steps = " + ratio);
        }
        int[] steps = new int[numInferenceSteps];
        for (int i = 0; i < numInferenceSteps; i++) {
            steps[i] = (numInferenceSteps - 1 - i) * ratio + stepsOffset;
        }
        return steps;
    }

    float[] alphasCumprod() {
        return alphasCumprod.clone();
    }

    /** x_t = √ᾱ·x₀ + √(1−ᾱ)·ε. */
    float[] addNoise(float[] x0, float[] noise, int t) {
        float a = alphaCumprod(t);
        return FloatOps.combine(sqrt(a), x0, sqrt(1f - a), noise);
    }

    /** v = √ᾱ·ε − √(1−ᾱ)·x₀ (MONAI's {@code get_velocity}). */
    float[] velocity(float[] x0, float[] noise, int t) {
        float a = alphaCumprod(t);
        return FloatOps.combine(sqrt(a), noise, -sqrt(1f - a), x0);
    }

    /** What a network of the given type is trained to output at timestep t. */
    float[] trainingTarget(PredictionType type, float[] x0, float[] noise, int t) {
        return switch (type) {
            case EPSILON -> noise.clone();
            case SAMPLE -> x0.clone();
            case V_PREDICTION -> velocity(x0, noise, t);
        };
    }

    /** x₀ recovered from the network output {@code out} at x_t = {@code sample}. */
    float[] predictOriginal(PredictionType type, float[] out, int t, float[] sample) {
        FloatOps.sameLength(out, sample);
        float a = alphaCumprod(t);
        float sqrtA = sqrt(a);
        float sqrtB = sqrt(1f - a);
        return switch (type) {
            case EPSILON -> {
                float[] x0 = new float[sample.length];
                for (int i = 0; i < x0.length; i++) {
                    x0[i] = (sample[i] - sqrtB * out[i]) / sqrtA;
                }
                yield x0;
            }
            case SAMPLE -> out.clone();
            case V_PREDICTION -> FloatOps.combine(sqrtA, sample, -sqrtB, out);
        };
    }

    /** ε recovered from the network output, given the (unclipped) x₀ prediction. */
    float[] predictEpsilon(PredictionType type, float[] out, int t, float[] sample, float[] x0) {
        float a = alphaCumprod(t);
        float sqrtA = sqrt(a);
        float sqrtB = sqrt(1f - a);
        return switch (type) {
            case EPSILON -> out.clone();
            case SAMPLE -> {
                float[] eps = new float[sample.length];
                for (int i = 0; i < eps.length; i++) {
                    eps[i] = (sample[i] - sqrtA * x0[i]) / sqrtB;
                }
                yield eps;
            }
            case V_PREDICTION -> FloatOps.combine(sqrtA, out, sqrtB, sample);
        };
    }

    static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    private int index(int t) {
        if (t < 0 || t >= betas.length) {
            throw new IllegalArgumentException("timestep " + t + " is outside 0.." + (betas.length - 1));
        }
        return t;
    }
}
