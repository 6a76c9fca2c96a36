package org.text2ct.diffusion;

/**
 * {@code torch.linspace(start, end, steps, dtype=float32)} exactly as PyTorch's AVX2 CPU kernel computes it.
 *
 * <p>Why emulate rather than compute {@code start + i·step}: the beta tables (and so every
 * alphas_cumprod) of the reference were made by that kernel, and only this evaluation order reproduces
 * them bit for bit. The kernel fills 8-wide vectors, two per loop turn; each vector starts from
 * {@code start + step·i} (first half) or {@code end − step·(steps−1−i)} (second half) and adds
 * {@code k·step}; the compiler contracts each multiply-add into one fused operation. The tail that does
 * not fill two vectors is computed element by element.
 */
final class TorchLinspace {
    private static final int VECTOR = 8;

    private TorchLinspace() {
    }

    static float[] of(float start, float end, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("linspace needs at least 2 steps, got " + steps);
        }
        float step = (end - start) / (float) (steps - 1);
        float[] out = new float[steps];
        int i = 0;
        for (; i <= steps - 2 * VECTOR; i += VECTOR) {
            float base = element(start, end, step, steps, i);
            for (int k = 0; k < VECTOR; k++) {
                out[i + k] = Math.fma((float) k, step, base);
            }
        }
        for (; i < steps; i++) {
            out[i] = element(start, end, step, steps, i);
        }
        return out;
    }

    /** Counting from the nearer end keeps the last value equal to {@code end}. */
    private static float element(float start, float end, float step, int steps, int i) {
        return i < steps / 2
                ? Math.fma(step, (float) i, start)
                : Math.fma(-step, (float) (steps - 1 - i), end);
    }
}
