package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/** Layer normalisation over the last axis with weight and bias (PyTorch eps 1e-5 by default). */
public final class LayerNormLayer {
    private final NDArray gamma;
    private final NDArray beta;
    private final float eps;

    private LayerNormLayer(NDArray gamma, NDArray beta, float eps) {
        this.gamma = gamma;
        this.beta = beta;
        this.eps = eps;
    }

    public static LayerNormLayer load(ParamStore p, String prefix, int channels, float eps) {
        return new LayerNormLayer(p.get(prefix + ".weight", channels), p.get(prefix + ".bias", channels), eps);
    }

    public NDArray forward(NDArray x) {
        return LayerNorm.layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, beta, eps).singletonOrThrow();
    }
}
