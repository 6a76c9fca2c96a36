package org.text2ct.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Fréchet distance between Gaussians fitted to two feature sets, as MONAI's {@code FIDMetric}:
 * d² = ‖μ1 − μ2‖² + tr(Σ1) + tr(Σ2) − 2 tr((Σ1^½ Σ2 Σ1^½)^½), in double. MONAI takes scipy's general
 * sqrtm of Σ1 Σ2; the symmetric form has the same trace for PSD inputs and needs no complex
 * arithmetic or diagonal offset when the covariances are singular.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    public static double between(float[][] first, float[][] second) {
        return between(FeatureSet.of(first), FeatureSet.of(second));
    }

    public static double between(FeatureSet first, FeatureSet second) {
        if (first.cols() != second.cols()) {
            throw new IllegalArgumentException("feature dimensions differ: first set has " + first.cols()
                    + ", second set has " + second.cols());
        }
        return between(RunningMoments.of("first feature set", first), RunningMoments.of("second feature set", second));
    }

    public static double between(GaussianStatistics first, GaussianStatistics second) {
        int n = first.dimension();
        if (second.dimension() != n) {
            throw new IllegalArgumentException("feature dimensions differ: " + n + " and " + second.dimension());
        }
        double meanTerm = 0;
        for (int i = 0; i < n; i++) {
            double d = first.mean()[i] - second.mean()[i];
            meanTerm += d * d;
        }
        DMatrixRMaj root1 = PsdSquareRoot.sqrt(first.covariance());
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        DMatrixRMaj product = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(root1, second.covariance(), tmp);
        CommonOps_DDRM.mult(tmp, root1, product);
        double traces = CommonOps_DDRM.trace(first.covariance()) + CommonOps_DDRM.trace(second.covariance());
        // d² ≥ 0 exactly; for (near-)identical sets round-off can leave −1e-10, which is not a distance.
        return Math.max(0, meanTerm + traces - 2 * PsdSquareRoot.traceOfSqrt(product));
    }
}
