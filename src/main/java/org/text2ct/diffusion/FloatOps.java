package org.text2ct.diffusion;

/** Element-wise float32 arithmetic in the order PyTorch evaluates the reference formulas. */
final class FloatOps {
    private FloatOps() {
    }

    /** {@code a·x + b·y}, each product rounded to float before the sum (two tensor ops in PyTorch). */
    static float[] combine(float a, float[] x, float b, float[] y) {
        sameLength(x, y);
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a * x[i] + b * y[i];
        }
        return out;
    }

    static void sameLength(float[] x, float[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("arrays differ in length: " + x.length + " and " + y.length);
        }
    }
}
