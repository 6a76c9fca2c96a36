package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;

/**
 * Group normalisation over [N, C, spatial…], composed from reshape/mean/var because the engine
 * has no 3D group-norm operator. Variance is the biased one, as PyTorch uses.
 */
public final class GroupNorm {
    private final int groups;
    private final float eps;
    private final NDArray gamma;
    private final NDArray beta;

    public GroupNorm(int groups, float eps, NDArray gamma, NDArray beta) {
        this.groups = groups;
        this.eps = eps;
        this.gamma = gamma;
        this.beta = beta;
    }

    public static GroupNorm load(ParamStore p, String prefix, int groups, int channels, float eps) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException(prefix + ": " + channels + " channels do not divide into "
                    + groups + " groups (norm_num_groups)");
        }
        return new GroupNorm(groups, eps, p.get(prefix + ".weight", channels), p.get(prefix + ".bias", channels));
    }

    /**
     * Normalises each (sample, group) as a channel of the engine's batch norm in training mode
     * (biased batch statistics over [1, N·G, rest]): one allocation, where composing mean, centring,
     * variance and division allocates five full-size arrays.
     */
    public NDArray forward(NDArray x) {
        Shape shape = x.getShape();
        long rows = shape.get(0) * groups;
        NDManager m = x.getManager();
        NDArray ones = m.ones(new Shape(rows));
        NDArray zeros = m.zeros(new Shape(rows));
        NDArray normed = BatchNorm.batchNorm(x.reshape(1, rows, -1), zeros, ones.duplicate(), ones, zeros.duplicate(), 1,
                0f, eps, true).singletonOrThrow().reshape(shape);
        return normed.muli(broadcastable(gamma, shape, m)).addi(broadcastable(beta, shape, m));
    }

    /**
     * Per-channel mean, scale (gamma/std) and shift (beta) that apply this norm with statistics
     * gathered elsewhere (tensor splitting). Subtracting the mean before scaling keeps the
     * float rounding of (x − mean)·scale, as the unsplit norm has it.
     */
    public float[][] channelAffine(double[] groupMean, double[] groupVar) {
        float[] g = gamma.toFloatArray();
        float[] b = beta.toFloatArray();
        int c = g.length;
        float[] mean = new float[c];
        float[] scale = new float[c];
        for (int ch = 0; ch < c; ch++) {
            int grp = ch / (c / groups);
            mean[ch] = (float) groupMean[grp];
            scale[ch] = (float) (g[ch] / Math.sqrt(groupVar[grp] + eps));
        }
        return new float[][] {mean, scale, b};
    }

    public int groups() {
        return groups;
    }

    public int channels() {
        return (int) gamma.getShape().get(0);
    }

    /**
     * {@code perChannel} as [1, C, 1, …], owned by {@code owner}: a reshape of a parameter would
     * otherwise stay on the parameter's manager for as long as the model is loaded.
     */
    static NDArray broadcastable(NDArray perChannel, Shape like, NDManager owner) {
        long[] dims = new long[like.dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[1] = perChannel.getShape().get(0);
        NDArray r = perChannel.reshape(dims);
        r.attach(owner);
        return r;
    }
}
