package org.text2ct.pipeline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.eval.View;
import org.text2ct.model.features.ResNetConfig;
import org.text2ct.volume.CtVolume;

/** The use case's contract: views, progress, cancel, names, and the errors a caller can act on. */
class FeatureEvaluationTest {
    static final Path TINY_RESNET = Path.of("src/test/resources/fixtures/resnet_tiny.weights.safetensors");

    private static final CtVolume A = TestScans.chestPhantom(1);
    private static final CtVolume B = TestScans.chestPhantom(2);

    private static FeatureEvaluation tinyResNet() {
        return new FeatureEvaluation(new Extractors("cpu").withResNet(TINY_RESNET,
                new ResNetConfig(new int[] {1, 1, 1, 1}, 4, 4)), null);
    }

    private static EvaluationRequest request(Set<View> views, String extractor) {
        return new EvaluationRequest(List.of(A, B), List.of(B), List.of(), views, extractor);
    }

    @Test
    void scoresOnlyTheAskedViewsAndReportsProgressPerVolumeView() {
        List<String> steps = new ArrayList<>();
        ProgressListener progress = (step, total, elapsed, eta) -> steps.add(step + "/" + total);
        EvaluationResult r = tinyResNet().evaluate(request(EnumSet.of(View.AXIAL, View.CORONAL), Extractors.RESNET50),
                progress, CancelToken.NEVER);
        assertEquals(List.of("1/6", "2/6", "3/6", "4/6", "5/6", "6/6"), steps);
        assertTrue(r.fidAxial() > 0 && r.fidCoronal() > 0, r.toString());
        assertTrue(Double.isNaN(r.fidSagittal()));
        assertEquals((r.fidAxial() + r.fidCoronal()) / 2, r.fidMean(), 1e-12);
        assertEquals("resnet50:resnet_tiny.weights.safetensors", r.extractor());
        assertEquals(2, r.nGenerated());
        assertEquals(1, r.nReference());
        System.out.println("tiny ResNet, phantom seeds {1,2} vs {2}: " + r);
    }

    @Test
    void cancelStopsBeforeTheNextVolumeView() {
        CancelToken.Flag cancel = CancelToken.flag();
        ProgressListener cancelAfterTwo = (step, total, elapsed, eta) -> {
            if (step == 2) {
                cancel.cancel();
            }
        };
        CancellationException e = assertThrows(CancellationException.class, () -> tinyResNet().evaluate(
                request(EnumSet.allOf(View.class), Extractors.RESNET50), cancelAfterTwo, cancel));
        assertTrue(e.getMessage().contains("after 2 of 9"), e.getMessage());
    }

    @Test
    void refusesWhatCannotBeScored() {
        assertThrows(IllegalArgumentException.class, () -> new EvaluationRequest(List.of(), List.of(A), List.of(),
                EnumSet.allOf(View.class), Extractors.RESNET50), "no generated volume");
        assertThrows(IllegalArgumentException.class, () -> new EvaluationRequest(List.of(A), List.of(A), List.of(),
                Set.of(), Extractors.RESNET50), "no view");
        IllegalArgumentException prompts = assertThrows(IllegalArgumentException.class, () -> new EvaluationRequest(
                List.of(A), List.of(A), List.of("a", "b"), EnumSet.allOf(View.class), Extractors.RESNET50));
        assertTrue(prompts.getMessage().contains("2 prompts for 1 generated"), prompts.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> tinyResNet().evaluate(request(EnumSet.allOf(View.class), "inception"), ProgressListener.NONE,
                        CancelToken.NEVER));
        assertTrue(unknown.getMessage().contains("unknown extractor 'inception'"), unknown.getMessage());
        IllegalArgumentException noClip = assertThrows(IllegalArgumentException.class, () -> tinyResNet().evaluate(
                new EvaluationRequest(List.of(A), List.of(B), List.of("chest CT"), EnumSet.allOf(View.class),
                        Extractors.RESNET50), ProgressListener.NONE, CancelToken.NEVER));
        assertTrue(noClip.getMessage().contains("no CLIP model"), noClip.getMessage());
    }
}
