package org.text2ct.train.faithfulness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.GenerateRequest;
import org.text2ct.pipeline.GenerationModel;
import org.text2ct.pipeline.GenerationModels;
import org.text2ct.pipeline.GenerationPipeline;
import org.text2ct.pipeline.TinyModelPackage;
import org.text2ct.pipeline.pkg.ModelPackage;

class SideResponseTest {
    /** [B, C, X, Y, Z] = [1, 2, 3, 2, 1]: X is the middle axis of each channel's 3 × 2 block. */
    private static final long[] SHAPE = {1, 2, 3, 2, 1};

    @Test
    void mirrorSymmetricNoiseIsItsOwnMirrorImage() {
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        float s = (float) Math.sqrt(2);
        // Channel 0: x rows (1,2) (3,4) (5,6) pair the first and last rows; the middle row is doubled.
        float[] expected = {6 / s, 8 / s, 6 / s, 8 / s, 6 / s, 8 / s, 18 / s, 20 / s, 18 / s, 20 / s, 18 / s, 20 / s};
        assertArrayEquals(expected, SideResponse.mirrorSymmetric(v, SHAPE), 1e-6f);
    }

    @Test
    void antisymmetricEnergyCountsOnlyThePartThatFlipsSign() {
        float[] antisymmetric = {1, 0, 0, 0, -1, 0, 0, 2, 0, 0, 0, -2};
        assertEquals(10.0, SideResponse.antisymmetricEnergy(antisymmetric, SHAPE), 1e-12);
        float[] symmetric = {1, 0, 5, 0, 1, 0, 0, 2, 0, 0, 0, 2};
        assertEquals(0.0, SideResponse.antisymmetricEnergy(symmetric, SHAPE), 1e-12);
        // One voxel on one side only: half its energy is antisymmetric (2 voxels × (1/2)²).
        float[] oneSided = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
        assertEquals(0.5, SideResponse.antisymmetricEnergy(oneSided, SHAPE), 1e-12);
    }

    @Test
    void probesOnlyThePromptsThatNameASide(@TempDir Path dir) throws Exception {
        ModelPackage pkg = TinyModelPackage.write(dir.resolve("tiny"));
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            GenerationModel model = GenerationModels.load(pkg, m);
            GenerationPipeline pipeline = new GenerationPipeline(model, m);
            GenerateRequest like = new GenerateRequest("unused", 3, 2, 1.0, new int[] {32, 32, 32},
                    new double[] {6, 6, 6}, 0);
            SideResponse r = SideResponse.measure(model, pipeline, List.of("left effusion", "no effusion",
                    "a nodule in the right upper lobe"), like);
            assertEquals(2, r.prompts());
            // Random weights respond to the word but know nothing of sides: some but not all of it antisymmetric.
            assertTrue(r.relativeSize() > 0.01 && r.relativeSize() < 10, "relative size " + r.relativeSize());
            assertTrue(r.antisymmetricShare() > 0 && r.antisymmetricShare() < 1, "share " + r.antisymmetricShare());
            SideResponse none = SideResponse.measure(model, pipeline, List.of("no effusion"), like);
            assertEquals(0, none.prompts());
            assertTrue(Double.isNaN(none.relativeSize()) && Double.isNaN(none.antisymmetricShare()));
        }
    }
}
