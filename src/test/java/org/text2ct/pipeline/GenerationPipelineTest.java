package org.text2ct.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.text2ct.TestFixtures;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.RectifiedFlowConfig;
import org.text2ct.diffusion.RectifiedFlowScheduler;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.volume.CtVolume;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/** The text → CT orchestrator on the tiny reference networks with a stand-in text encoder. */
class GenerationPipelineTest {
    private static NDManager manager;
    private static GenerationPipeline pipeline;

    /** A deterministic stand-in for T5: the context depends on the text's characters only. */
    static final class CharCodeText implements TextConditioner {
        @Override
        public PromptContext encode(String text, NDManager m) {
            float[] v = new float[5 * 12];
            for (int i = 0; i < v.length; i++) {
                v[i] = text.isEmpty() ? 0f : (text.charAt(i % text.length()) % 17) / 17f - 0.5f;
            }
            return new PromptContext(m.create(v, new Shape(1, 5, 12)), null);
        }

        @Override
        public int dimension() {
            return 12;
        }
    }

    @BeforeAll
    static void load() throws Exception {
        Engines.pytorch();
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try (StateDict u = SafeTensorsFile.open(TestFixtures.path("text2ct_unet_tiny.weights.safetensors"));
                StateDict v = SafeTensorsFile.open(TestFixtures.path("maisi_vae_tiny.weights.safetensors"))) {
            MaisiUnet unet = new MaisiUnet(UnetConfig.fromJson(u.metadata().get("config")), new ParamStore(u, manager));
            MaisiVae vae = new MaisiVae(VaeConfig.fromJson(v.metadata().get("config")), new ParamStore(v, manager));
            RectifiedFlowScheduler rflow = new RectifiedFlowScheduler(RectifiedFlowConfig.fromJson("{}"));
            GenerationModel model = new GenerationModel(vae, unet, new CharCodeText(), rflow, 1.25f, 3L, false,
                    "Chest CT. {prompt}", "tiny-test");
            pipeline = new GenerationPipeline(model, manager);
        }
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static GenerateRequest request(String prompt, long seed) {
        return new GenerateRequest(prompt, seed, 2, 5.0, new int[] {16, 16, 32}, new double[] {3, 3, 3}, 2);
    }

    @Test
    void sameSeedGivesTheSameVolumeAndOtherSeedsDiffer() {
        CtVolume a = pipeline.generate(request("left lower lobe nodule", 7)).volume();
        CtVolume b = pipeline.generate(request("left lower lobe nodule", 7)).volume();
        CtVolume c = pipeline.generate(request("left lower lobe nodule", 8)).volume();
        assertArrayEquals(new int[] {16, 16, 32}, a.size());
        for (int z = 0; z < a.nz(); z++) {
            assertArrayEquals(a.plane(z), b.plane(z));
        }
        assertFalse(java.util.Arrays.equals(a.plane(5), c.plane(5)));
    }

    @Test
    void repeatedGenerationsDoNotAccumulateArrays() {
        pipeline.generate(request("left lower lobe nodule", 7));
        int after1 = ((ai.djl.ndarray.BaseNDManager) manager).getManagedArrays().size();
        pipeline.generate(request("right pleural effusion", 8));
        // A Fiji session keeps the model loaded: each run must leave nothing behind on its manager.
        assertEquals(after1, ((ai.djl.ndarray.BaseNDManager) manager).getManagedArrays().size());
    }

    @Test
    void outputIsInHounsfieldUnitsWithTheRequestedSpacingAndMetadata() {
        GenerationResult r = pipeline.generate(request("normal chest", 1));
        CtVolume v = r.volume();
        for (int z = 0; z < v.nz(); z++) {
            for (float hu : v.plane(z)) {
                assertTrue(hu >= -1000f && hu <= 1000f, "HU " + hu);
            }
        }
        assertArrayEquals(new double[] {3, 3, 3}, v.spacing());
        assertEquals("RAS", v.orientationCode());
        assertEquals("normal chest", r.metadata().get("prompt"));
        assertEquals("1", r.metadata().get("seed"));
        assertEquals("tiny-test", r.metadata().get("model"));
    }

    @Test
    void sizeThatTheNetworksCannotTakeIsRefusedWithTheMultiple() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pipeline.generate(
                new GenerateRequest("x", 1, 2, 5, new int[] {30, 16, 32}, new double[] {1, 1, 1}, 0)));
        assertTrue(e.getMessage().contains("multiple of 16"), e.getMessage());
    }

    @Test
    void emptyPromptIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> request("  ", 1));
        assertTrue(e.getMessage().contains("prompt is empty"), e.getMessage());
    }

    @Test
    void cancelStopsTheRun() {
        CancelToken.Flag flag = CancelToken.flag();
        assertThrows(CancellationException.class, () -> pipeline.generate(request("effusion", 3),
                (step, total, elapsed, eta) -> flag.cancel(), flag));
    }
}
