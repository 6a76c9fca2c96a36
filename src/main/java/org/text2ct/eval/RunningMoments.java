package org.text2ct.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Mean and scatter matrix of a feature set fed batch by batch, so that a view's features (volumes ×
 * slices rows of 2048) never have to be held at once. Each batch is centred on its own mean and
 * merged with Chan et al.'s pairwise update, which avoids the cancellation of the Σx xᵀ − n μ μᵀ form.
 */
public final class RunningMoments {
    private final String name;
    private final int dim;
    private final double[] mean;
    private final DMatrixRMaj scatter;
    private long count;

    /** @param name names the set in error messages, e.g. "generated axial features" */
    public RunningMoments(String name, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException(name + ": feature dimension must be >= 1, got " + dim);
        }
        this.name = name;
        this.dim = dim;
        this.mean = new double[dim];
        this.scatter = new DMatrixRMaj(dim, dim);
    }

    public long count() {
        return count;
    }

    /** Adds every row; a wrong width or a NaN/Inf value is refused, naming the set and global row. */
    public void add(FeatureSet batch) {
        if (batch.cols() != dim) {
            throw new IllegalArgumentException(name + ": features have " + batch.cols()
                    + " columns, expected " + dim);
        }
        int n = batch.rows();
        if (n == 0) {
            return;
        }
        double[] batchMean = new double[dim];
        DMatrixRMaj centred = new DMatrixRMaj(n, dim);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < dim; c++) {
                float v = batch.get(r, c);
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": row " + (count + r) + " column " + c + " is " + v);
                }
                batchMean[c] += v;
            }
        }
        for (int c = 0; c < dim; c++) {
            batchMean[c] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < dim; c++) {
                centred.unsafe_set(r, c, batch.get(r, c) - batchMean[c]);
            }
        }
        DMatrixRMaj batchScatter = new DMatrixRMaj(dim, dim);
        CommonOps_DDRM.multTransA(centred, centred, batchScatter);
        merge(n, batchMean, batchScatter);
    }

    private void merge(int n, double[] batchMean, DMatrixRMaj batchScatter) {
        long total = count + n;
        double weight = (double) count * n / total;
        double[] delta = new double[dim];
        for (int c = 0; c < dim; c++) {
            delta[c] = batchMean[c] - mean[c];
        }
        CommonOps_DDRM.addEquals(scatter, batchScatter);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                scatter.unsafe_set(i, j, scatter.unsafe_get(i, j) + weight * delta[i] * delta[j]);
            }
        }
        for (int c = 0; c < dim; c++) {
            mean[c] += delta[c] * n / total;
        }
        count = total;
    }

    /** Mean and unbiased covariance; needs at least two rows. */
    public GaussianStatistics statistics() {
        if (count < 2) {
            throw new IllegalArgumentException(name + ": need at least 2 feature rows for a covariance, got " + count);
        }
        DMatrixRMaj covariance = scatter.copy();
        CommonOps_DDRM.divide(covariance, count - 1);
        return new GaussianStatistics(mean.clone(), covariance);
    }

    /** The statistics of a whole feature set at once. */
    public static GaussianStatistics of(String name, FeatureSet features) {
        RunningMoments moments = new RunningMoments(name, features.cols());
        moments.add(features);
        return moments.statistics();
    }
}
