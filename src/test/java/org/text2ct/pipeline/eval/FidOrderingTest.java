package org.text2ct.pipeline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.eval.View;
import org.text2ct.volume.CtVolume;

/**
 * FID behaves as a distance on a real head CT with the built-in vae-latent extractor (tiny VAE
 * fixture): zero for identical sets, growing with noise and with blur, and larger for another
 * anatomy (a chest phantom) than for a lightly degraded copy.
 */
class FidOrderingTest {
    static final Path TINY_VAE = Path.of("src/test/resources/fixtures/maisi_vae_tiny.weights.safetensors");

    private static CtVolume head;
    private static FeatureEvaluation evaluation;

    @BeforeAll
    static void setUp() throws Exception {
        head = TestScans.smallHead();
        evaluation = new FeatureEvaluation(new Extractors("cpu").withVaeWeights(TINY_VAE), null);
    }

    static EvaluationResult fid(CtVolume generated, CtVolume reference) {
        EvaluationRequest r = new EvaluationRequest(List.of(generated), List.of(reference), List.of(),
                EnumSet.allOf(View.class), Extractors.VAE_LATENT);
        return evaluation.evaluate(r, ProgressListener.NONE, CancelToken.NEVER);
    }

    private static double report(String what, CtVolume generated) {
        EvaluationResult r = fid(generated, head);
        System.out.printf(Locale.ROOT, "FID %-22s axial %.4e sagittal %.4e coronal %.4e mean %.4e%n", what,
                r.fidAxial(), r.fidSagittal(), r.fidCoronal(), r.fidMean());
        return r.fidMean();
    }

    @Test
    void identicalSetsScoreZero() {
        EvaluationResult r = fid(head, head);
        double light = report("noise sigma 20 HU", TestScans.noisy(head, 20, 4));
        System.out.printf(Locale.ROOT, "FID %-22s mean %.4e%n", "identical", r.fidMean());
        // The tiny random VAE's features vary little, so FIDs are small: compare with the lightest degradation.
        assertTrue(Math.abs(r.fidMean()) < 1e-3 * light, r.fidMean() + " vs " + light);
        assertEquals("vae-latent:maisi_vae_tiny.weights.safetensors", r.extractor());
        assertTrue(Double.isNaN(r.clipMean()), "no prompts, no CLIP score");
        assertEquals(1, r.nGenerated());
        assertEquals(1, r.nReference());
    }

    @Test
    void fidGrowsWithNoise() {
        double light = report("noise sigma 20 HU", TestScans.noisy(head, 20, 1));
        double medium = report("noise sigma 100 HU", TestScans.noisy(head, 100, 1));
        double heavy = report("noise sigma 400 HU", TestScans.noisy(head, 400, 1));
        assertTrue(light > 0 && light < medium && medium < heavy, light + " < " + medium + " < " + heavy);
    }

    @Test
    void fidGrowsWithBlur() {
        double light = report("blur sigma 0.5 voxel", TestScans.blurred(head, 0.5));
        double medium = report("blur sigma 1 voxel", TestScans.blurred(head, 1));
        double heavy = report("blur sigma 2 voxels", TestScans.blurred(head, 2));
        assertTrue(light > 0 && light < medium && medium < heavy, light + " < " + medium + " < " + heavy);
    }

    @Test
    void anotherAnatomyIsFartherThanALightlyDegradedCopy() {
        double light = report("noise sigma 20 HU", TestScans.noisy(head, 20, 2));
        double chest = report("chest phantom", TestScans.chestPhantom(3));
        assertTrue(chest > light, "chest phantom " + chest + " vs lightly degraded head " + light);
    }
}
