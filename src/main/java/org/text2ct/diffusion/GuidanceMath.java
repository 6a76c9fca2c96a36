package org.text2ct.diffusion;

import java.util.Arrays;

/** Classifier-free guidance: guided = uncond + s·(cond − uncond), element-wise in float32 as PyTorch does. */
public final class GuidanceMath {
    private GuidanceMath() {
    }

    public static float[] guide(float[] uncond, float[] cond, double scale) {
        FloatOps.sameLength(uncond, cond);
        float s = (float) scale;
        float[] out = new float[cond.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = uncond[i] + s * (cond[i] - uncond[i]);
        }
        return out;
    }

    /**
     * Guidance on the output of one network call on a batch of two: the first half conditioned on the text,
     * the second on the null context (the reference pipeline's order).
     */
    public static float[] guideBatch(float[] condThenUncond, double scale) {
        if (condThenUncond.length % 2 != 0) {
            throw new IllegalArgumentException("a batch of two has an even length, got " + condThenUncond.length);
        }
        int half = condThenUncond.length / 2;
        return guide(Arrays.copyOfRange(condThenUncond, half, 2 * half), Arrays.copyOf(condThenUncond, half), scale);
    }
}
