package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;

class VaeTrainerTest {
    @TempDir
    static Path tmp;
    private static TrainingSet data;
    private static NDManager manager;

    @BeforeAll
    static void setUp() throws Exception {
        Engines.pytorch();
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        data = TrainingSet.load(TinyTrainingData.phantoms(tmp.resolve("data"), 2));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static VaeTrainer.Settings settings(int steps, int[] patch) {
        return new VaeTrainer.Settings(TinyTrainingData.VAE_JSON, steps, 2, 1e-2, patch, 3,
                VaeTrainer.Settings.DEFAULT_KL_WEIGHT, 1.0);
    }

    @Test
    void lossDecreasesOverTwentySteps() {
        try (NDManager m = manager.newSubManager()) {
            VaeTrainer t = new VaeTrainer(settings(20, new int[] {16, 16, 8}), data, m, null);
            List<Double> recon = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                recon.add(t.step()[1]);
            }
            double first = (recon.get(0) + recon.get(1) + recon.get(2)) / 3;
            double last = (recon.get(17) + recon.get(18) + recon.get(19)) / 3;
            System.out.println("VAE L1 first 3 steps " + first + ", last 3 steps " + last + ": " + recon);
            assertTrue(last < 0.6 * first, "L1 went from " + first + " to " + last);
            assertEquals(20, t.completedSteps());
        }
    }

    @Test
    void resumingFromACheckpointGivesTheUninterruptedRun(@TempDir Path dir) throws Exception {
        try (NDManager m = manager.newSubManager()) {
            VaeTrainer straight = new VaeTrainer(settings(4, new int[] {8, 8, 8}), data, m, null);
            for (int i = 0; i < 4; i++) {
                straight.step();
            }
            TrainingLoop.RunFiles files = TrainingLoop.RunFiles.beside(dir.resolve("vae.safetensors"), dir, "vae");
            VaeTrainer first = new VaeTrainer(settings(4, new int[] {8, 8, 8}), data, m, null);
            List<String> lines = new ArrayList<>();
            TrainingLoop.run(first, 2, 1, files, "VAE", lines::add, () -> false);
            assertEquals(2, lines.size());
            assertTrue(lines.get(1).startsWith("step 2/2  loss "), lines.get(1));

            TrainingCheckpoint ckpt = TrainingCheckpoint.load(files.checkpoint(), VaeTrainer.KIND);
            assertEquals(2, ckpt.step());
            assertEquals(3, ckpt.seed());
            assertEquals(TinyTrainingData.VAE_JSON, ckpt.settings().get(WeightMetadata.CONFIG));
            VaeTrainer resumed = new VaeTrainer(settings(4, new int[] {8, 8, 8}), data, m, ckpt);
            TrainingLoop.run(resumed, 4, 100, files, "VAE", lines::add, () -> false);
            assertEquals(4, resumed.completedSteps());

            Map<String, TensorData> a = straight.params().snapshot();
            Map<String, TensorData> b = resumed.params().snapshot();
            assertEquals(a.keySet(), b.keySet());
            for (String k : a.keySet()) {
                assertArrayEquals(a.get(k).toFloats(), b.get(k).toFloats(), 1e-6f, k);
            }
            List<String> csv = Files.readAllLines(files.lossCsv());
            assertEquals("step,loss,recon,kl,lr,seconds", csv.get(0));
            assertEquals(5, csv.size(), "header and one row per step 1..4: " + csv);
            assertTrue(csv.get(4).startsWith("4,"));
            byte[] png = Files.readAllBytes(files.lossPng());
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        }
    }

    @Test
    void writtenWeightsLoadStrictlyIntoTheNormalVae(@TempDir Path dir) throws Exception {
        try (NDManager m = manager.newSubManager()) {
            VaeTrainer t = new VaeTrainer(settings(1, new int[] {8, 8, 8}), data, m, null);
            t.step();
            Path out = dir.resolve("vae.safetensors");
            t.writeResult(out);
            try (SafeTensorsFile f = SafeTensorsFile.open(out)) {
                VaeConfig c = VaeConfig.fromJson(f.metadata().get(WeightMetadata.CONFIG));
                ParamStore p = new ParamStore(f, m);
                MaisiVae loaded = new MaisiVae(c, p);
                p.checkStrict();
                float[] x = data.volumes().get(0).whole(m).toFloatArray();
                assertEquals(32 * 32 * 16, x.length);
                float[] viaTrained = t.vae().encodeForTraining(data.volumes().get(0).whole(m)).mean().toFloatArray();
                float[] viaLoaded = loaded.encodeForTraining(data.volumes().get(0).whole(m)).mean().toFloatArray();
                assertArrayEquals(viaTrained, viaLoaded, 1e-6f);
            }
        }
    }

    @Test
    void patchLargerThanTheVolumesIsRefused() {
        TrainingDataException e = org.junit.jupiter.api.Assertions.assertThrows(TrainingDataException.class,
                () -> new VaeTrainer(settings(1, new int[] {64, 32, 16}), data, manager, null));
        assertTrue(e.getMessage().contains("patch 64×32×16 must fit in the volumes (32×32×16)"), e.getMessage());
    }
}
