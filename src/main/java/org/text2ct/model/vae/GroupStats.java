package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;

/**
 * Per-group mean and (biased) variance of an activation, accumulated slab by slab with Chan's
 * parallel formula in double precision, so the group norm of a split tensor uses the statistics
 * of the whole volume.
 */
final class GroupStats {
    private final int groups;
    private final double[] count;
    private final double[] mean;
    private final double[] m2;

    GroupStats(int groups) {
        this.groups = groups;
        count = new double[groups];
        mean = new double[groups];
        m2 = new double[groups];
    }

    /** Adds a [1, C, …] slab. */
    void add(NDArray slab) {
        NDArray g = slab.reshape(groups, -1);
        long n = g.getShape().get(1);
        NDArray slabMean = g.mean(new int[] {1}, true);
        float[] means = slabMean.toFloatArray();
        NDArray centred = g.sub(slabMean);
        float[] sq = centred.muli(centred).sum(new int[] {1}).toFloatArray();
        for (int i = 0; i < groups; i++) {
            double total = count[i] + n;
            double delta = means[i] - mean[i];
            mean[i] += delta * n / total;
            m2[i] += sq[i] + delta * delta * count[i] * n / total;
            count[i] = total;
        }
    }

    double[] mean() {
        return mean.clone();
    }

    double[] variance() {
        double[] v = new double[groups];
        for (int i = 0; i < groups; i++) {
            v[i] = m2[i] / count[i];
        }
        return v;
    }
}
