package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv3d;

/** A 3D convolution with bias (weight [out, in, k, k, k]) bound from {@code prefix.weight/bias}. */
public final class ConvLayer {
    private final NDArray weight;
    private final NDArray bias;
    private final int kernel;
    private final int stride;
    private final int padding;

    public ConvLayer(NDArray weight, NDArray bias, int stride, int padding) {
        this.weight = weight;
        this.bias = bias;
        this.kernel = (int) weight.getShape().get(2);
        this.stride = stride;
        this.padding = padding;
    }

    public static ConvLayer load(ParamStore p, String prefix, int in, int out, int kernel, int stride, int padding) {
        NDArray w = p.get(prefix + ".weight", out, in, kernel, kernel, kernel);
        NDArray b = p.get(prefix + ".bias", out);
        return new ConvLayer(w, b, stride, padding);
    }

    public NDArray forward(NDArray x) {
        return forward(x, padding, padding, padding);
    }

    /** With a padding per spatial axis, for callers that pad one axis themselves (tensor splitting). */
    public NDArray forward(NDArray x, int pad0, int pad1, int pad2) {
        return Conv3d.conv3d(x, weight, bias, new Shape(stride, stride, stride), new Shape(pad0, pad1, pad2),
                new Shape(1, 1, 1), 1).singletonOrThrow();
    }

    /** The same convolution for data whose spatial axes were permuted by {@code order}. */
    public ConvLayer permuted(int[] order) {
        NDArray w = weight.transpose(0, 1, 2 + order[0], 2 + order[1], 2 + order[2]);
        return new ConvLayer(w, bias, stride, padding);
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    public int inChannels() {
        return (int) weight.getShape().get(1);
    }

    public int outChannels() {
        return (int) weight.getShape().get(0);
    }
}
