package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** A 2D convolution (weight [out, in, k, k], bias optional) bound from {@code prefix.weight/bias}. */
public final class Conv2dLayer {
    private final NDArray weight;
    private final NDArray bias;
    private final int stride;
    private final int padding;

    private Conv2dLayer(NDArray weight, NDArray bias, int stride, int padding) {
        this.weight = weight;
        this.bias = bias;
        this.stride = stride;
        this.padding = padding;
    }

    public static Conv2dLayer load(ParamStore p, String prefix, int in, int out, int kernel, int stride, int padding,
            boolean withBias) {
        NDArray w = p.get(prefix + ".weight", out, in, kernel, kernel);
        NDArray b = withBias ? p.get(prefix + ".bias", out) : null;
        return new Conv2dLayer(w, b, stride, padding);
    }

    public NDArray forward(NDArray x) {
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
                .singletonOrThrow();
    }
}
