package org.text2ct.eval;

import org.ejml.data.DMatrixRMaj;

/** Sample mean and unbiased (n − 1) covariance of a feature set, in double. */
public record GaussianStatistics(double[] mean, DMatrixRMaj covariance) {
    public GaussianStatistics {
        if (covariance.numRows != mean.length || covariance.numCols != mean.length) {
            throw new IllegalArgumentException("covariance is " + covariance.numRows + " x " + covariance.numCols
                    + " but the mean has " + mean.length + " entries");
        }
    }

    public int dimension() {
        return mean.length;
    }
}
