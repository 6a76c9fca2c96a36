package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/** y = x·Wᵀ + b over the last axis (weight [out, in]); bias optional. */
public final class LinearLayer {
    private final NDArray weight;
    private final NDArray bias;

    private LinearLayer(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    /** A layer on arrays the caller already holds (a slice of a fused qkv weight, for example); bias may be null. */
    public static LinearLayer of(NDArray weight, NDArray bias) {
        return new LinearLayer(weight, bias);
    }

    public static LinearLayer load(ParamStore p, String prefix, int in, int out, boolean withBias) {
        NDArray w = p.get(prefix + ".weight", out, in);
        NDArray b = withBias ? p.get(prefix + ".bias", out) : null;
        return new LinearLayer(w, b);
    }

    public NDArray forward(NDArray x) {
        return bias == null ? Linear.linear(x, weight).singletonOrThrow()
                : Linear.linear(x, weight, bias).singletonOrThrow();
    }
}
