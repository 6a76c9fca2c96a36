package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.TestFixtures;
import org.text2ct.diffusion.RectifiedFlowConfig;
import org.text2ct.diffusion.RectifiedFlowScheduler;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.pipeline.GenerateRequest;
import org.text2ct.pipeline.GenerationModel;
import org.text2ct.pipeline.GenerationModels;
import org.text2ct.pipeline.GenerationPipeline;
import org.text2ct.pipeline.GenerationResult;
import org.text2ct.pipeline.importers.DefaultSchedulers;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.weights.SafeTensorsFile;

class LdmTrainerTest {
    @TempDir
    static Path tmp;
    private static TrainingSet data;
    private static NDManager manager;
    private static MaisiVae vae;
    private static Path vaeFile;

    @BeforeAll
    static void setUp() throws Exception {
        Engines.pytorch();
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        data = TrainingSet.load(TinyTrainingData.phantoms(tmp.resolve("data"), 2));
        vaeFile = TestFixtures.path("maisi_vae_tiny.weights.safetensors");
        try (SafeTensorsFile f = SafeTensorsFile.open(vaeFile)) {
            ParamStore p = new ParamStore(f, manager);
            vae = new MaisiVae(VaeConfig.fromJson(f.metadata().get(WeightMetadata.CONFIG)), p);
            p.checkStrict();
        }
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void latentsAreScaledToUnitStandardDeviation() {
        java.util.List<Integer> progress = new java.util.ArrayList<>();
        LatentDataset latents = LatentDataset.encode(vae, data, manager, progress::add);
        assertEquals(java.util.List.of(1, 2), progress, "one progress call per encoded volume");
        assertEquals(2, latents.latents().size());
        assertEquals("[1, 4, 8, 8, 4]", java.util.Arrays.toString(latents.shape()));
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (float[] z : latents.latents()) {
            for (float f : z) {
                sum += f;
                sumSq += f * f;
                n++;
            }
        }
        double mean = sum / n;
        assertEquals(1.0, Math.sqrt(sumSq / n - mean * mean), 1e-4);
        assertTrue(latents.scaleFactor() > 0);
    }

    @Test
    void fewStepsWriteAPackageThatTheGenerationPipelineRuns(@TempDir Path dir) throws Exception {
        String schedulerJson = DefaultSchedulers.config(ModelManifest.SchedulerType.RECTIFIED_FLOW);
        try (NDManager m = manager.newSubManager();
             LdmText text = WordLevelText.create(data.cases(), dir, 16, 1, m, 5, Map.of())) {
            LatentDataset latents = LatentDataset.encode(vae, data, m, n -> { });
            LdmTrainer.Settings s = new LdmTrainer.Settings(DemoConfigs.unetJson(8, 16), 3, 2, 1e-3, 5, new TrainingPrompts(0.1), 1.0, 1000, 0, false);
            LdmPackage.Spec spec = new LdmPackage.Spec("tiny", "test model", vaeFile,
                    ModelManifest.SchedulerType.RECTIFIED_FLOW, schedulerJson, 4, 5.0, data.size(), data.spacing());
            JsonObject provenance = new JsonObject();
            provenance.addProperty("command", "test");
            LdmTrainer t = new LdmTrainer(s, data.cases(), latents,
                    new RectifiedFlowScheduler(RectifiedFlowConfig.fromJson(schedulerJson)), text, m, Map.of(), null, spec,
                    provenance);
            Path out = dir.resolve("model");
            List<String> lines = new ArrayList<>();
            double[] last = TrainingLoop.run(t, 3, 2, TrainingLoop.RunFiles.beside(out, dir, "ldm"), "LDM", lines::add,
                    () -> false);
            assertEquals(3, lines.size());
            assertTrue(last[0] > 0 && last[0] < 10, "MSE " + last[0]);
            ModelPackage pkg = ModelPackage.open(out);
            ModelManifest mf = pkg.manifest();
            assertEquals(latents.scaleFactor(), mf.latentScaleFactor(), 1e-9);
            assertEquals(ModelManifest.NullContext.EMPTY_PROMPT, mf.guidance().nullContext());
            assertEquals(3, mf.provenance().getAsJsonObject().get("steps").getAsInt());
            assertEquals("test", mf.provenance().getAsJsonObject().get("command").getAsString());
            assertEquals(32, mf.output().size()[0]);
            assertTrue(Files.exists(out.resolve(ModelManifest.TOKENIZER_FILE)));
            TrainingCheckpoint ckpt = TrainingCheckpoint.load(dir.resolve("ldm.checkpoint.safetensors"), LdmTrainer.KIND);
            assertEquals(3, ckpt.step());
            assertTrue(ckpt.params().keySet().stream().anyMatch(k -> k.startsWith("text.")));
            assertTrue(ckpt.params().keySet().stream().anyMatch(k -> k.startsWith("unet.")));
            GenerationModel model = GenerationModels.load(pkg, m);
            GenerationResult r = new GenerationPipeline(model, m).generate(new GenerateRequest(
                    "Nodule in the left lower lobe.", 1, 2, 5.0, data.size(), data.spacing(), 0));
            assertArrayEquals(new int[] {32, 32, 16}, r.volume().size());
            float v = r.volume().get(16, 16, 8);
            assertTrue(v >= -1000 && v <= 1000, "HU " + v);
            IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                    () -> TrainingCheckpoint.load(dir.resolve("ldm.checkpoint.safetensors"), VaeTrainer.KIND));
            assertTrue(wrongKind.getMessage().contains("is not a vae training checkpoint (kind ldm)"));
        }
    }

    @Test
    void stepsDoNotAccumulateArrays(@TempDir Path dir) throws Exception {
        String schedulerJson = DefaultSchedulers.config(ModelManifest.SchedulerType.RECTIFIED_FLOW);
        LdmPackage.Spec spec = new LdmPackage.Spec("tiny", "", vaeFile, ModelManifest.SchedulerType.RECTIFIED_FLOW,
                schedulerJson, 4, 5.0, data.size(), data.spacing());
        try (NDManager m = manager.newSubManager();
             LdmText text = WordLevelText.create(data.cases(), dir, 16, 1, m, 5, Map.of())) {
            LatentDataset latents = LatentDataset.encode(vae, data, m, n -> { });
            LdmTrainer t = new LdmTrainer(new LdmTrainer.Settings(DemoConfigs.unetJson(8, 16), 4, 2, 1e-3, 5, new TrainingPrompts(0.1), 1.0,
                    1000, 0, false), data.cases(), latents, new RectifiedFlowScheduler(RectifiedFlowConfig.fromJson(schedulerJson)),
                    text, m, Map.of(), null, spec, new JsonObject());
            t.step();
            int after1 = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
            t.step();
            t.step();
            // A long run must not grow: every step's intermediates are freed with the step (they were not: 124
            // arrays a step stayed on the run's manager with their autograd graphs, slowing training fivefold).
            assertEquals(after1, ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size());
        }
    }

    @Test
    void twinTermComparesEachPairsDifferences() {
        try (NDManager m = manager.newSubManager()) {
            // Items 0/1 and 2/3 are twins: prediction differences (1, 2) and (0, 0), target differences (0, 0) and
            // (0, 4), so the squared errors are 1, 4, 0, 16 and their mean 5.25.
            ai.djl.ndarray.NDArray pred = m.create(new float[] {1, 2, 0, 0, 5, 5, 5, 5}, new ai.djl.ndarray.types.Shape(4, 2));
            ai.djl.ndarray.NDArray target = m.create(new float[] {3, 3, 3, 3, 0, 4, 0, 0},
                    new ai.djl.ndarray.types.Shape(4, 2));
            assertEquals(5.25f, LdmTrainer.twinTerm(pred, target, List.of(0, 2), m).getFloat(), 1e-6f);
        }
    }

    @Test
    void resumedRunEqualsTheUninterruptedOne(@TempDir Path dir) throws Exception {
        String schedulerJson = DefaultSchedulers.config(ModelManifest.SchedulerType.DDIM);
        var scheduler = new org.text2ct.diffusion.DdimScheduler(org.text2ct.diffusion.DdimConfig.fromJson(schedulerJson));
        LdmTrainer.Settings s = new LdmTrainer.Settings(DemoConfigs.unetJson(8, 16), 2, 1, 1e-3, 9, new TrainingPrompts(0.5), 1.0, 1000, 0, false);
        LdmPackage.Spec spec = new LdmPackage.Spec("tiny", "", vaeFile, ModelManifest.SchedulerType.DDIM, schedulerJson, 4,
                5.0, data.size(), data.spacing());
        try (NDManager m = manager.newSubManager();
             LdmText textA = WordLevelText.create(data.cases(), dir, 16, 1, m, 5, Map.of())) {
            LatentDataset latents = LatentDataset.encode(vae, data, m, n -> { });
            LdmTrainer straight = new LdmTrainer(s, data.cases(), latents, scheduler, textA, m, Map.of(), null, spec,
                    new JsonObject());
            straight.step();
            TrainingCheckpoint half = straight.checkpoint();
            straight.step();
            try (LdmText textB = WordLevelText.create(data.cases(), dir, 16, 1, m, 5, LdmTrainer.textParams(half))) {
                LdmTrainer resumed = new LdmTrainer(s, data.cases(), latents, scheduler, textB, m, Map.of(), half, spec,
                        new JsonObject());
                assertEquals(1, resumed.completedSteps());
                double before = Double.parseDouble(half.settings().get(LdmTrainer.TRAIN_SECONDS));
                assertTrue(before > 0, "the first step's time is in the checkpoint");
                resumed.step();
                assertTrue(Double.parseDouble(resumed.checkpoint().settings().get(LdmTrainer.TRAIN_SECONDS)) > before,
                        "a resumed run counts the time before the checkpoint too");
                var a = straight.checkpoint().params();
                var b = resumed.checkpoint().params();
                assertEquals(a.keySet(), b.keySet());
                for (String k : a.keySet()) {
                    assertArrayEquals(a.get(k).toFloats(), b.get(k).toFloats(), 1e-6f, k);
                }
            }
        }
    }
}
