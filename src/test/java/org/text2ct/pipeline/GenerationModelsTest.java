package org.text2ct.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.pkg.ModelPackage;

/** A model package on disk → loaded networks and T5 conditioning → a volume. */
class GenerationModelsTest {
    @Test
    void tinyPackageGeneratesWithItsOwnTextEncoder(@TempDir Path dir) throws Exception {
        ModelPackage pkg = TinyModelPackage.write(dir.resolve("tiny"));
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            GenerationModel model = GenerationModels.load(ModelPackage.open(pkg.directory()), m);
            assertEquals(12, model.text().dimension());
            assertTrue(model.id().startsWith("tiny-test@"), model.id());
            GenerationResult r = new GenerationPipeline(model, m).generate(new GenerateRequest("left lower lobe nodule",
                    42, 2, 5.0, TinyModelPackage.SIZE, TinyModelPackage.SPACING, 0));
            assertArrayEquals(TinyModelPackage.SIZE, r.volume().size());
            GenerationResult again = new GenerationPipeline(model, m).generate(new GenerateRequest(
                    "left lower lobe nodule", 42, 2, 5.0, TinyModelPackage.SIZE, TinyModelPackage.SPACING, 0));
            assertArrayEquals(r.volume().plane(16), again.volume().plane(16));
            GenerationResult other = new GenerationPipeline(model, m).generate(new GenerateRequest(
                    "right pleural effusion", 42, 2, 5.0, TinyModelPackage.SIZE, TinyModelPackage.SPACING, 0));
            assertTrue(!java.util.Arrays.equals(r.volume().plane(16), other.volume().plane(16)),
                    "a different prompt must change the volume");
        }
    }
}
