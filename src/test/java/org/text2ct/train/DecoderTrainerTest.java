package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.model.vae.SplitOptions;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.TinyModelPackage;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.weights.TensorData;

/** Decoder tuning on the tiny test package: the encoder's latents stay put, and a resumed run equals a straight one. */
class DecoderTrainerTest {
    @TempDir
    static Path tmp;
    private static TrainingSet data;
    private static ModelPackage source;
    private static NDManager manager;

    @BeforeAll
    static void setUp() throws Exception {
        Engines.pytorch();
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        data = TrainingSet.load(TinyTrainingData.phantoms(tmp.resolve("data"), 2));
        source = TinyModelPackage.write(tmp.resolve("tiny"));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static DecoderTrainer trainer(NDManager m, TrainingCheckpoint resume) throws Exception {
        return new DecoderTrainer(new DecoderTrainer.Settings(4, 2, 1e-2, new int[] {16, 16, 8}, 7, 1.0), data, source,
                m, resume, new JsonObject(), n -> { });
    }

    @Test
    void latentsStayWhileTheDecoderLearns() throws Exception {
        try (NDManager m = manager.newSubManager()) {
            DecoderTrainer t = trainer(m, null);
            NDArray before = t.vae().encode(data.volumes().get(1).whole(m), SplitOptions.auto()).mean();
            float[] decodedBefore = t.vae().decode(before, SplitOptions.auto()).toFloatArray();
            for (int i = 0; i < 4; i++) {
                t.step();
            }
            NDArray after = t.vae().encode(data.volumes().get(1).whole(m), SplitOptions.auto()).mean();
            assertArrayEquals(before.toFloatArray(), after.toFloatArray(), 0f, "the encoder is frozen");
            float[] decodedAfter = t.vae().decode(after, SplitOptions.auto()).toFloatArray();
            double change = 0;
            for (int i = 0; i < decodedBefore.length; i++) {
                change = Math.max(change, Math.abs(decodedBefore[i] - decodedAfter[i]));
            }
            assertTrue(change > 1e-3, "the decoder moved by " + change);
        }
    }

    @Test
    void resumingFromACheckpointGivesTheUninterruptedRun(@TempDir Path dir) throws Exception {
        try (NDManager m = manager.newSubManager()) {
            DecoderTrainer straight = trainer(m, null);
            for (int i = 0; i < 4; i++) {
                straight.step();
            }
            TrainingLoop.RunFiles files = TrainingLoop.RunFiles.beside(dir.resolve("tuned"), dir, "tuned");
            TrainingLoop.run(trainer(m, null), 2, 100, files, "decoder", line -> { }, () -> false);
            TrainingCheckpoint ckpt = TrainingCheckpoint.load(files.checkpoint(), DecoderTrainer.KIND);
            assertEquals(2, ckpt.step());
            DecoderTrainer resumed = trainer(m, ckpt);
            TrainingLoop.run(resumed, 4, 100, files, "decoder", line -> { }, () -> false);
            Map<String, TensorData> a = straight.checkpoint().params();
            Map<String, TensorData> b = resumed.checkpoint().params();
            assertEquals(a.keySet(), b.keySet());
            for (String k : a.keySet()) {
                assertArrayEquals(a.get(k).toFloats(), b.get(k).toFloats(), 1e-6f, k);
            }
            assertEquals(ModelPackage.open(dir.resolve("tuned")).manifest().unet().sha256(),
                    source.manifest().unet().sha256());
        }
    }
}
