package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Activation functions the MAISI networks and text encoders use, as the engine computes them. */
public final class Activations {
    private Activations() {
    }

    public static NDArray silu(NDArray x) {
        return Activation.sigmoid(x).muli(x);
    }

    /** GEGLU: split the last axis in two halves, x · gelu(gate) with the exact (erf) GELU. */
    public static NDArray geglu(NDArray x) {
        int last = x.getShape().dimension() - 1;
        long half = x.getShape().get(last) / 2;
        NDArray[] parts = x.split(new long[] {half}, last).toArray(new NDArray[0]);
        return parts[0].mul(Activation.gelu(parts[1]));
    }

    /**
     * GELU with the tanh approximation ("gelu_new" in Hugging Face, used by T5 v1.1's gated
     * feed-forward): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). The engine's gelu is the erf form.
     */
    public static NDArray geluTanh(NDArray x) {
        NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul((float) Math.sqrt(2.0 / Math.PI));
        return x.mul(inner.tanh().add(1f)).mul(0.5f);
    }
}
