package org.text2ct.nn;

import ai.djl.ndarray.NDArray;

/**
 * Root-mean-square normalisation over the last axis with a weight and no bias or mean
 * subtraction, as T5's layer norm computes it: x · rsqrt(mean(x²) + eps) · weight.
 */
public final class RmsNorm {
    private final NDArray weight;
    private final float eps;

    private RmsNorm(NDArray weight, float eps) {
        this.weight = weight;
        this.eps = eps;
    }

    public static RmsNorm load(ParamStore p, String prefix, int channels, float eps) {
        return new RmsNorm(p.get(prefix + ".weight", channels), eps);
    }

    public NDArray forward(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDArray meanSquare = x.square().mean(new int[] {last}, true);
        return x.div(meanSquare.add(eps).sqrt()).mul(weight);
    }
}
