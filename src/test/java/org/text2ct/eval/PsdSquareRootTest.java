package org.text2ct.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class PsdSquareRootTest {
    @Test
    void squareRootSquaresBackToTheMatrix() {
        Random rng = new Random(21);
        DMatrixRMaj a = new DMatrixRMaj(5, 5);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj spd = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransB(a, a, spd);
        DMatrixRMaj root = PsdSquareRoot.sqrt(spd);
        DMatrixRMaj square = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.mult(root, root, square);
        assertArrayEquals(spd.data, square.data, 1e-10);
        DMatrixRMaj rootT = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.transpose(root, rootT);
        assertArrayEquals(root.data, rootT.data, 1e-12);
    }

    @Test
    void roundOffNegativeEigenvaluesAreClampedToZero() {
        // Eigenvalues 4 and −1e-12 in a rotated basis.
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double l1 = 4;
        double l2 = -1e-12;
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {
                {l1 * c * c + l2 * s * s, (l1 - l2) * c * s},
                {(l1 - l2) * c * s, l1 * s * s + l2 * c * c}});
        DMatrixRMaj root = PsdSquareRoot.sqrt(m);
        assertArrayEquals(new double[] {2 * c * c, 2 * c * s, 2 * c * s, 2 * s * s}, root.data, 1e-9);
        assertEquals(2, PsdSquareRoot.traceOfSqrt(m), 1e-12);
    }

    @Test
    void traceOfSqrtOfDiagonal() {
        DMatrixRMaj m = CommonOps_DDRM.diag(4, 9, 0.25, 0);
        assertEquals(2 + 3 + 0.5, PsdSquareRoot.traceOfSqrt(m), 1e-12);
    }

    @Test
    void refusesNonSquare() {
        assertThrows(IllegalArgumentException.class, () -> PsdSquareRoot.traceOfSqrt(new DMatrixRMaj(2, 3)));
    }
}
