package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Activation functions the MAISI networks and text encoders use, as the engine computes them. */
public final class Activations {
    private Activations() {
    }

    /**
     * In place on the sigmoid to save memory, except while gradients are recorded (training):
     * autograd needs the sigmoid's output unchanged.
     */
    public static NDArray silu(NDArray x) {
        if (ai.djl.pytorch.jni.JniUtils.isGradMode()) {
            return x.mul(Activation.sigmoid(x));
        }
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
     * feed-forward): 0.5·x·(1 + tanh(u)) with u = √(2/π)·(x + 0.044715·x³), computed as the equal
     * x·σ(2u) (see {@link #exp} for why not the engine's tanh). The engine's gelu is the erf form.
     */
    public static NDArray geluTanh(NDArray x) {
        NDArray twiceInner = x.add(x.pow(3).mul(0.044715f)).mul((float) (2 * Math.sqrt(2.0 / Math.PI)));
        return x.mul(Activation.sigmoid(twiceInner));
    }

    /**
     * eˣ as σ(x)/σ(−x). On the bundled PyTorch CPU build, exp and tanh are MKL vector-math calls,
     * which split a tensor between threads. exp was measured to go wrong on the second thread in
     * about one process in 150: up to 5e-5 relative error on that thread's half of the tensor. The
     * sigmoid kernel, which every SiLU uses, has not deviated. Both forms are differentiable.
     */
    public static NDArray exp(NDArray x) {
        return Activation.sigmoid(x).div(Activation.sigmoid(x.neg()));
    }
}
