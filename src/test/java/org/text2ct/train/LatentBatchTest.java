package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.text2ct.diffusion.RectifiedFlowConfig;
import org.text2ct.diffusion.RectifiedFlowScheduler;
import org.text2ct.pipeline.importers.DefaultSchedulers;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.text.ReportSections;

class LatentBatchTest {
    private static final RectifiedFlowScheduler SCHEDULER = new RectifiedFlowScheduler(
            RectifiedFlowConfig.fromJson(DefaultSchedulers.config(ModelManifest.SchedulerType.RECTIFIED_FLOW)));
    private static final long[] SHAPE = {1, 4, 2, 2, 2};

    private static TrainingCase effusion(String id, String side, String twin) {
        return new TrainingCase(id, id + ".nii.gz", new ReportSections("Chest CT.", "Male, 70.",
                "Large " + side + " pleural effusion.", "Large " + side + " effusion."), null, twin);
    }

    /** Twins get equal latents here, so equal noise and timestep must give equal inputs and targets. */
    private static LatentDataset latents(int cases) {
        float[] z = new float[32];
        Arrays.fill(z, 0.5f);
        return new LatentDataset(java.util.Collections.nCopies(cases, z), SHAPE, 1.0);
    }

    @Test
    void twinsComeTogetherWithTheSameNoiseTimestepAndPromptChoices() {
        List<TrainingCase> cases = List.of(effusion("a", "left", "b"), effusion("b", "right", "a"),
                effusion("c", "right", "d"), effusion("d", "left", "c"));
        LatentBatch batches = new LatentBatch(cases, latents(4), SCHEDULER, new TrainingPrompts(0), 1000);
        assertEquals(4, batches.twinned());
        int sided = 0;
        for (int step = 0; step < 20; step++) {
            LatentBatch.Items items = batches.draw(new SplittableRandom(step), 4);
            for (int b = 0; b < 4; b += 2) {
                assertEquals(items.timesteps()[b], items.timesteps()[b + 1]);
                assertArrayEquals(Arrays.copyOfRange(items.noisy(), b * 32, b * 32 + 32),
                        Arrays.copyOfRange(items.noisy(), (b + 1) * 32, (b + 2) * 32));
                assertArrayEquals(Arrays.copyOfRange(items.target(), b * 32, b * 32 + 32),
                        Arrays.copyOfRange(items.target(), (b + 1) * 32, (b + 2) * 32));
                String first = items.texts().get(b);
                String second = items.texts().get(b + 1);
                assertEquals(first.replace("left", "LEFT").replace("right", "left").replace("LEFT", "right"), second);
                sided += first.equals(second) ? 0 : 1;
            }
            assertNotEquals(items.timesteps()[0], items.timesteps()[2], "the pairs are independent draws");
        }
        assertTrue(sided > 10, "most prompts keep a section that names the side: " + sided);
    }

    @Test
    void casesWithoutTwinsAreDrawnOneByOne() {
        List<TrainingCase> cases = List.of(effusion("a", "left", null), effusion("b", "right", "missing"));
        LatentBatch batches = new LatentBatch(cases, latents(2), SCHEDULER, new TrainingPrompts(0), 1000);
        assertEquals(0, batches.twinned());
        LatentBatch.Items items = batches.draw(new SplittableRandom(3), 4);
        assertEquals(4, items.texts().size());
        assertNotEquals(items.timesteps()[0], items.timesteps()[1]);
    }

    @Test
    void anOddBatchEndsWithASingleItem() {
        List<TrainingCase> cases = List.of(effusion("a", "left", "b"), effusion("b", "right", "a"));
        LatentBatch.Items items = new LatentBatch(cases, latents(2), SCHEDULER, new TrainingPrompts(0), 1000)
                .draw(new SplittableRandom(5), 3);
        assertEquals(3, items.texts().size());
        assertEquals(items.timesteps()[0], items.timesteps()[1]);
    }
}
