package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Activation functions the MAISI networks use, as the engine computes them. */
public final class Activations {
    private Activations() {
    }

    public static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** GEGLU: split the last axis in two halves, x · gelu(gate) with the exact (erf) GELU. */
    public static NDArray geglu(NDArray x) {
        int last = x.getShape().dimension() - 1;
        long half = x.getShape().get(last) / 2;
        NDArray[] parts = x.split(new long[] {half}, last).toArray(new NDArray[0]);
        return parts[0].mul(Activation.gelu(parts[1]));
    }
}
