package org.text2ct.pipeline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.eval.SliceBatch;
import org.text2ct.eval.View;
import org.text2ct.model.features.ResNetConfig;
import org.text2ct.volume.CtVolume;

/** CLIP score = max(0, mean over a view's generated slices of 100 × cosine), with a scorer of known cosines. */
class ClipScoreTest {
    private static final CtVolume A = TestScans.chestPhantom(1);

    private static EvaluationResult scoreWith(float cosine, AtomicInteger slices, List<String> prompts) {
        ClipScorer fixed = (prompt, batch) -> {
            slices.addAndGet(batch.slices());
            float[] c = new float[batch.slices()];
            Arrays.fill(c, prompt.equals("chest CT") ? cosine : -cosine);
            return c;
        };
        Extractors x = new Extractors("cpu").withResNet(FeatureEvaluationTest.TINY_RESNET,
                new ResNetConfig(new int[] {1, 1, 1, 1}, 4, 4));
        return new FeatureEvaluation(x, fixed).evaluate(new EvaluationRequest(List.of(A, A), List.of(A), prompts,
                EnumSet.allOf(View.class), Extractors.RESNET50), ProgressListener.NONE, CancelToken.NEVER);
    }

    @Test
    void averagesHundredTimesTheCosineOverGeneratedSlices() {
        AtomicInteger slices = new AtomicInteger();
        EvaluationResult r = scoreWith(0.3f, slices, List.of("chest CT"));
        assertEquals(30, r.clipAxial(), 1e-4);
        assertEquals(30, r.clipSagittal(), 1e-4);
        assertEquals(30, r.clipCoronal(), 1e-4);
        assertEquals(30, r.clipMean(), 1e-4);
        assertEquals(2 * (64 + 64 + 27), slices.get(), "every slice of each view of both generated volumes, no reference");
    }

    @Test
    void clampsAtZeroAfterAveraging() {
        // One prompt per volume: +0.3 and -0.3 average to 0; an all-negative prompt clamps to 0.
        AtomicInteger slices = new AtomicInteger();
        EvaluationResult mixed = scoreWith(0.3f, slices, List.of("chest CT", "other"));
        assertEquals(0, mixed.clipMean(), 1e-4, "+0.3 and -0.3 average to 0");
        EvaluationResult negative = scoreWith(0.3f, slices, List.of("other"));
        assertEquals(0, negative.clipAxial());
        assertEquals(0, negative.clipMean());
    }

    @Test
    void slicesComeBackToUnitRangeForClip() {
        SliceBatch b = new org.text2ct.eval.ViewSlicer(EvalVolumes.prepare(A), View.AXIAL, 4).next();
        assertEquals(-0.406f, b.get(0, 0, 0, 0), 1e-6, "air corner is the volume minimum, shifted by channel 0's mean");
    }
}
