package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * ×2 up- and ½ down-sampling of [N, C, X, Y, Z] tensors. Trilinear upsampling is composed of a
 * linear pass along one axis and a bilinear pass in the other two, because the engine's 5D
 * interpolation is unreliable; PyTorch's trilinear weights are separable, so this is the same.
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

    /** The engine's bilinear mode (align_corners=False, edge clamping) for 4D arrays. */
    private static final int BILINEAR = 1;

    /**
     * Linear ×2 (align_corners=False) along axis 2 of [1, C, m + 2, A, B], whose first and last
     * rows are the neighbours of the m rows of interest (or the edge row repeated at the
     * volume's border). Returns the 2m upsampled rows: output 2i = ¼·x[i−1] + ¾·x[i],
     * 2i+1 = ¾·x[i] + ¼·x[i+1]. Runs as one bilinear pass with the plane flattened (scale 1
     * along it), which allocates once instead of once per term.
     */
    public static NDArray linearUp2Rows(NDArray extended) {
        Shape s = extended.getShape();
        long c = s.get(1);
        long rows = s.get(2);
        long a = s.get(3);
        long b = s.get(4);
        NDArray up = extended.reshape(c, 1, rows, a * b).getNDArrayInternal()
                .interpolation(new long[] {2 * rows, a * b}, BILINEAR, false);
        return up.get(":, :, 2:{}", 2 * rows - 2).reshape(1, c, 2 * (rows - 2), a, b);
    }

    /** Bilinear ×2 (align_corners=False) in the last two axes of [1, C, n, A, B]. */
    public static NDArray bilinearUp2Plane(NDArray x) {
        Shape s = x.getShape();
        long c = s.get(1);
        long n = s.get(2);
        long a = s.get(3);
        long b = s.get(4);
        NDArray up = x.reshape(c * n, 1, a, b).getNDArrayInternal()
                .interpolation(new long[] {2 * a, 2 * b}, BILINEAR, false);
        return up.reshape(1, c, n, 2 * a, 2 * b);
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
