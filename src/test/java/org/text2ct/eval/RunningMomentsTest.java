package org.text2ct.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RunningMomentsTest {
    @Test
    void smallSetHasHandComputedMeanAndUnbiasedCovariance() {
        // x = 1, 2, 3, 6 and y = 2x: mean (3, 6); Σ(x − 3)² = 14, so var x = 14/3.
        GaussianStatistics s = RunningMoments.of("hand", FeatureSet.of(new float[][] {{1, 2}, {2, 4}, {3, 6}, {6, 12}}));
        assertArrayEquals(new double[] {3, 6}, s.mean(), 1e-12);
        assertArrayEquals(new double[] {14.0 / 3, 28.0 / 3, 28.0 / 3, 56.0 / 3}, s.covariance().data, 1e-12);
    }

    @Test
    void batchesGiveTheSameStatisticsAsOneSet() {
        float[][] rows = FrechetDistanceTest.randomRows(new java.util.Random(7), 23, 5, 100f);
        GaussianStatistics whole = RunningMoments.of("whole", FeatureSet.of(rows));
        RunningMoments batched = new RunningMoments("batched", 5);
        batched.add(FeatureSet.of(Arrays.copyOfRange(rows, 0, 1)));
        batched.add(FeatureSet.of(Arrays.copyOfRange(rows, 1, 10)));
        batched.add(new FeatureSet(0, 5, new float[0]));
        batched.add(FeatureSet.of(Arrays.copyOfRange(rows, 10, 23)));
        assertEquals(23, batched.count());
        GaussianStatistics s = batched.statistics();
        assertArrayEquals(whole.mean(), s.mean(), 1e-9);
        assertArrayEquals(whole.covariance().data, s.covariance().data, 1e-7);
    }

    @Test
    void errorRowIsCountedAcrossBatches() {
        RunningMoments m = new RunningMoments("generated axial features", 2);
        m.add(FeatureSet.of(new float[][] {{1, 2}, {3, 4}}));
        var e = assertThrows(IllegalArgumentException.class,
                () -> m.add(FeatureSet.of(new float[][] {{1, 2}, {Float.NaN, 4}})));
        assertEquals("generated axial features: row 3 column 0 is NaN", e.getMessage());
        var w = assertThrows(IllegalArgumentException.class, () -> m.add(FeatureSet.of(new float[][] {{1, 2, 3}})));
        assertTrue(w.getMessage().contains("3 columns, expected 2"), w.getMessage());
    }

    @Test
    void featureSetRefusesWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet(2, 3, new float[5]));
    }
}
