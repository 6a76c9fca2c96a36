package org.text2ct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.text2ct.eval.FidAccumulator.Source;

class FidAccumulatorTest {
    private static final int DIM = 6;

    private static void feed(FidAccumulator acc, Source source, View view, float[][] rows, int batch) {
        for (int i = 0; i < rows.length; i += batch) {
            acc.add(source, view, FeatureSet.of(Arrays.copyOfRange(rows, i, Math.min(rows.length, i + batch))));
        }
    }

    @Test
    void perViewDistancesMatchWholeSetDistances() {
        Random rng = new Random(11);
        FidAccumulator acc = new FidAccumulator("test-net", DIM);
        double[] expected = new double[3];
        for (View view : View.values()) {
            float[][] gen = FrechetDistanceTest.randomRows(rng, 17, DIM, 1f + view.ordinal());
            float[][] ref = FrechetDistanceTest.randomRows(rng, 12, DIM, 1f);
            feed(acc, Source.GENERATED, view, gen, 5);
            feed(acc, Source.REFERENCE, view, ref, 4);
            expected[view.ordinal()] = FrechetDistance.between(gen, ref);
        }
        acc.volumeDone(Source.GENERATED);
        acc.volumeDone(Source.GENERATED);
        acc.volumeDone(Source.REFERENCE);
        assertEquals(17, acc.samples(Source.GENERATED, View.CORONAL));
        FidResult r = acc.result();
        for (View view : View.values()) {
            assertEquals(expected[view.ordinal()], r.get(view), 1e-9 * expected[view.ordinal()]);
        }
        assertEquals(r.axial(), r.get(View.AXIAL), 0);
        assertEquals(r.sagittal(), r.get(View.SAGITTAL), 0);
        assertEquals(r.coronal(), r.get(View.CORONAL), 0);
        assertEquals((r.axial() + r.sagittal() + r.coronal()) / 3, r.mean(), 1e-12);
        assertEquals("test-net", r.extractor());
        assertEquals(2, r.nGenerated());
        assertEquals(1, r.nReference());
    }

    @Test
    void meanOfResultIsTheAverageOfTheViews() {
        assertEquals(2.0, new FidResult(1, 2, 3, "x", 1, 1).mean(), 1e-15);
    }

    @Test
    void missingViewIsNamed() {
        Random rng = new Random(12);
        FidAccumulator acc = new FidAccumulator("test-net", DIM);
        for (View view : View.values()) {
            feed(acc, Source.GENERATED, view, FrechetDistanceTest.randomRows(rng, 4, DIM, 1f), 4);
            if (view != View.CORONAL) {
                feed(acc, Source.REFERENCE, view, FrechetDistanceTest.randomRows(rng, 4, DIM, 1f), 4);
            }
        }
        acc.volumeDone(Source.GENERATED);
        acc.volumeDone(Source.REFERENCE);
        var e = assertThrows(IllegalArgumentException.class, acc::result);
        assertTrue(e.getMessage().startsWith("reference coronal features: need at least 2"), e.getMessage());
    }

    @Test
    void refusesResultBeforeAnyVolumeIsDone() {
        FidAccumulator acc = new FidAccumulator("test-net", DIM);
        var e = assertThrows(IllegalStateException.class, acc::result);
        assertEquals("no generated volume was marked done", e.getMessage());
    }

    @Test
    void refusesWrongFeatureWidthAndUnnamedExtractor() {
        FidAccumulator acc = new FidAccumulator("test-net", DIM);
        var e = assertThrows(IllegalArgumentException.class,
                () -> acc.add(Source.GENERATED, View.AXIAL, new FeatureSet(1, DIM + 1, new float[DIM + 1])));
        assertTrue(e.getMessage().startsWith("generated axial features"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FidAccumulator(" ", DIM));
    }
}
