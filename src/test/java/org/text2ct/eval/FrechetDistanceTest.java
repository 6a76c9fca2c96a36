package org.text2ct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;

class FrechetDistanceTest {
    /** MONAI FIDMetric on the fixture's features, in float64 (fixtures/README.md). */
    private static final double MONAI_FID = 6.356965820439967;

    static Path fixture() throws URISyntaxException {
        return Path.of(FrechetDistanceTest.class.getResource("/fixtures/fid.safetensors").toURI());
    }

    private static FeatureSet read(SafeTensorsFile file, String key) {
        TensorData t = file.get(key);
        long[] shape = t.shape();
        return new FeatureSet((int) shape[0], (int) shape[1], t.toFloats());
    }

    @Test
    void matchesMonaiOnFixture() throws Exception {
        try (SafeTensorsFile file = SafeTensorsFile.open(fixture())) {
            FeatureSet pred = read(file, "features_pred");
            FeatureSet real = read(file, "features_real");
            assertEquals(64, pred.rows());
            assertEquals(80, real.rows());
            double fid = FrechetDistance.between(pred, real);
            // Both are double-precision computations; they agree to ~6e-15 relative, far inside 1e-6.
            assertEquals(MONAI_FID, fid, 1e-10 * MONAI_FID);
            // The file stores the value rounded to float32.
            assertEquals(file.get("fid").toFloats()[0], fid, 1e-6 * MONAI_FID);
        }
    }

    @Test
    void diagonalCovariancesReduceToClosedForm() {
        // Rows ±s·e_i around μ: the sample mean is μ and the sample covariance is diag(2 s_i² / (n − 1)).
        double[] mu1 = {1.0, -2.0, 0.5};
        double[] mu2 = {0.0, 1.0, 0.5};
        double[] s1 = {1.0, 2.0, 0.5};
        double[] s2 = {3.0, 0.25, 0.5};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double a = 2 * s1[i] * s1[i] / 5;
            double b = 2 * s2[i] * s2[i] / 5;
            expected += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]) + Math.pow(Math.sqrt(a) - Math.sqrt(b), 2);
        }
        double fid = FrechetDistance.between(plusMinusAxes(mu1, s1), plusMinusAxes(mu2, s2));
        assertEquals(expected, fid, 1e-12 * expected);
        assertEquals(1 + 9 + 0.4 * (4 + Math.pow(2 - 0.25, 2)), expected, 1e-12);
    }

    private static float[][] plusMinusAxes(double[] mu, double[] s) {
        float[][] rows = new float[2 * mu.length][];
        for (int i = 0; i < mu.length; i++) {
            for (int sign = 0; sign < 2; sign++) {
                float[] row = new float[mu.length];
                for (int j = 0; j < mu.length; j++) {
                    row[j] = (float) mu[j];
                }
                row[i] += (float) (sign == 0 ? s[i] : -s[i]);
                rows[2 * i + sign] = row;
            }
        }
        return rows;
    }

    @Test
    void statisticsFormMatchesClosedFormForDiagonalCovariances() {
        double[] a = {4, 1, 0.25, 0};
        double[] b = {1, 9, 0.25, 2};
        GaussianStatistics first = new GaussianStatistics(new double[] {1, 2, 3, 4}, DMatrixRMaj.wrap(4, 4, diag(a)));
        GaussianStatistics second = new GaussianStatistics(new double[] {1, 0, 3, 5}, DMatrixRMaj.wrap(4, 4, diag(b)));
        double expected = 4 + 1 + 1 + 4 + 0 + 2;
        assertEquals(expected, FrechetDistance.between(first, second), 1e-12);
    }

    private static double[] diag(double[] d) {
        double[] m = new double[d.length * d.length];
        for (int i = 0; i < d.length; i++) {
            m[i * d.length + i] = d[i];
        }
        return m;
    }

    @Test
    void identicalSetsGiveZero() {
        float[][] rows = randomRows(new Random(1), 50, 16, 3f);
        assertEquals(0, FrechetDistance.between(rows, rows), 1e-9);
    }

    @Test
    void rankDeficientCovarianceIsFiniteAndNonNegative() {
        Random rng = new Random(2);
        float[][] few = randomRows(rng, 5, 16, 1f);
        float[][] many = randomRows(rng, 40, 16, 1f);
        double d = FrechetDistance.between(few, many);
        assertTrue(Double.isFinite(d) && d > 0, "got " + d);
        double both = FrechetDistance.between(few, randomRows(rng, 5, 16, 1f));
        assertTrue(Double.isFinite(both) && both > 0, "got " + both);
    }

    @Test
    void isSymmetricInItsArguments() {
        Random rng = new Random(3);
        float[][] a = randomRows(rng, 30, 8, 1f);
        float[][] b = randomRows(rng, 20, 8, 2f);
        assertEquals(FrechetDistance.between(a, b), FrechetDistance.between(b, a), 1e-9);
    }

    static float[][] randomRows(Random rng, int n, int dim, float scale) {
        float[][] rows = new float[n][dim];
        for (float[] row : rows) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) (scale * rng.nextGaussian() + j);
            }
        }
        return rows;
    }

    @Test
    void refusesDifferentDimensions() {
        Random rng = new Random(4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(randomRows(rng, 5, 4, 1f), randomRows(rng, 5, 3, 1f)));
        assertTrue(e.getMessage().contains("dimensions differ"), e.getMessage());
    }

    @Test
    void refusesASingleSample() {
        Random rng = new Random(5);
        var e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(randomRows(rng, 1, 4, 1f), randomRows(rng, 5, 4, 1f)));
        assertTrue(e.getMessage().contains("first feature set") && e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void refusesNonFiniteFeaturesNamingSetAndRow() {
        Random rng = new Random(6);
        float[][] bad = randomRows(rng, 6, 4, 1f);
        bad[3][2] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(randomRows(rng, 5, 4, 1f), bad));
        assertTrue(e.getMessage().contains("second feature set") && e.getMessage().contains("row 3"), e.getMessage());
        bad[3][2] = Float.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(bad, bad));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void refusesRaggedRows() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSet.of(new float[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }
}
