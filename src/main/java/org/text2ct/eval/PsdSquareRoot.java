package org.text2ct.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Square roots of symmetric positive semi-definite matrices through EJML's symmetric eigen-
 * decomposition. Eigenvalues that round-off pushed below zero are clamped to 0, which is exact for
 * the PSD matrices covariances are and keeps rank-deficient inputs finite.
 */
final class PsdSquareRoot {
    private PsdSquareRoot() {
    }

    /** V diag(√max(λ, 0)) Vᵀ of the symmetric part of {@code m}. */
    static DMatrixRMaj sqrt(DMatrixRMaj m) {
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = decompose(m, true);
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double s = Math.sqrt(Math.max(eig.getEigenvalue(k).getReal(), 0));
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) {
                vectors.unsafe_set(i, k, v.get(i));
                scaled.unsafe_set(i, k, s * v.get(i));
            }
        }
        DMatrixRMaj root = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(scaled, vectors, root);
        return root;
    }

    /** tr(m^½) = Σ √max(λ, 0) over the eigenvalues of the symmetric part of {@code m}. */
    static double traceOfSqrt(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = decompose(m, false);
        double trace = 0;
        for (int k = 0; k < m.numRows; k++) {
            trace += Math.sqrt(Math.max(eig.getEigenvalue(k).getReal(), 0));
        }
        return trace;
    }

    private static EigenDecomposition_F64<DMatrixRMaj> decompose(DMatrixRMaj m, boolean vectors) {
        if (m.numRows != m.numCols) {
            throw new IllegalArgumentException("matrix is " + m.numRows + " x " + m.numCols + ", not square");
        }
        // Symmetrise first: products like Σ1^½ Σ2 Σ1^½ are symmetric only up to round-off, and the
        // symmetric solver reads one triangle.
        DMatrixRMaj sym = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.transpose(m, sym);
        CommonOps_DDRM.addEquals(sym, m);
        CommonOps_DDRM.scale(0.5, sym);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, vectors, true);
        if (!eig.decompose(sym)) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge");
        }
        return eig;
    }
}
