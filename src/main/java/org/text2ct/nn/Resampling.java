package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * ×2 up- and ½ down-sampling of [N, C, X, Y, Z] tensors, built from reshapes and slices
 * because the engine's 5D interpolation is unreliable.
 */
public final class Resampling {
    private Resampling() {
    }

    /** Nearest-neighbour ×2 in every spatial axis (PyTorch {@code mode="nearest"}, scale 2). */
    public static NDArray nearestUp2(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long a = s.get(2);
        long b = s.get(3);
        long d = s.get(4);
        return x.reshape(n, c, a, 1, b, 1, d, 1)
                .broadcast(new Shape(n, c, a, 2, b, 2, d, 2))
                .reshape(n, c, a * 2, b * 2, d * 2);
    }

    /** 2×2×2 average pooling with stride 2 (the engine's avg_pool3d, odd trailing voxels dropped). */
    public static NDArray avgPool2(NDArray x) {
        Shape two = new Shape(2, 2, 2);
        return Pool.avgPool3d(x, two, two, new Shape(0, 0, 0), false, true);
    }

    /**
     * Linear ×2 along one axis with align_corners=False: output 2i = ¼·x[i−1] + ¾·x[i],
     * output 2i+1 = ¾·x[i] + ¼·x[i+1], where x is given with one extra row on each side
     * (the neighbours, or the edge row repeated at the volume's border). Applying it to each
     * axis in turn is PyTorch's trilinear upsampling.
     *
     * @param extended rows [−1, m] of the source along {@code axis}
     * @return the 2m upsampled rows
     */
    public static NDArray linearUp2(NDArray extended, int axis) {
        long len = extended.getShape().get(axis);
        NDArray prev = slice(extended, axis, 0, len - 2);
        NDArray mid = slice(extended, axis, 1, len - 1);
        NDArray next = slice(extended, axis, 2, len);
        NDArray even = prev.mul(0.25f).add(mid.mul(0.75f));
        NDArray odd = mid.mul(0.75f).add(next.mul(0.25f));
        NDArray both = even.expandDims(axis + 1).concat(odd.expandDims(axis + 1), axis + 1);
        long[] dims = extended.getShape().getShape();
        dims[axis] = 2 * (len - 2);
        return both.reshape(dims);
    }

    /** The tensor with its first and last row along {@code axis} repeated once (edge padding). */
    public static NDArray edgePad(NDArray x, int axis) {
        long len = x.getShape().get(axis);
        return slice(x, axis, 0, 1).concat(x, axis).concat(slice(x, axis, len - 1, len), axis);
    }

    /** Trilinear ×2 of a whole [N, C, X, Y, Z] tensor. */
    public static NDArray trilinearUp2(NDArray x) {
        NDArray y = x;
        for (int axis = 2; axis < 5; axis++) {
            y = linearUp2(edgePad(y, axis), axis);
        }
        return y;
    }

    /** Rows [from, to) along {@code axis}. */
    public static NDArray slice(NDArray x, int axis, long from, long to) {
        StringBuilder idx = new StringBuilder();
        for (int i = 0; i < axis; i++) {
            idx.append(":,");
        }
        idx.append(from).append(':').append(to);
        return x.get(idx.toString());
    }
}
