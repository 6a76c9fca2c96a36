package org.text2ct.model.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.text2ct.TestFixtures;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/** The tensor-split VAE against MONAI's outputs (maisi_vae_tiny), including uneven splits. */
class MaisiVaeTest {
    private static final double TOL = 1e-5;
    private static NDManager manager;
    private static StateDict io;
    private static MaisiVae vae;

    @BeforeAll
    static void load() throws Exception {
        Engines.pytorch();
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        io = SafeTensorsFile.open(TestFixtures.path("maisi_vae_tiny.io.safetensors"));
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("maisi_vae_tiny.weights.safetensors"))) {
            ParamStore p = new ParamStore(w, manager);
            vae = new MaisiVae(VaeConfig.fromJson(w.metadata().get("config")), p);
            p.checkStrict();
        }
    }

    @AfterAll
    static void close() {
        io.close();
        manager.close();
    }

    private static NDArray input(String name) {
        return Tensors.toNDArray(manager, io.get(name));
    }

    private static float[] expected(String name) {
        return io.get(name).toFloats();
    }

    @Test
    void encoderMeanAndSigmaMatchReference() {
        MaisiVae.Encoded e = vae.encode(input("image"), SplitOptions.of(1, 0));
        assertEquals(4, e.mean().getShape().get(1));
        assertTrue(TestFixtures.relativeError(e.mean().toFloatArray(), expected("z_mu")) < TOL);
        assertTrue(TestFixtures.relativeError(e.sigma().toFloatArray(), expected("z_sigma")) < TOL);
    }

    @ParameterizedTest(name = "decode {0} splits along dim {1}")
    @CsvSource({"1,0", "2,0", "3,0", "5,0", "8,0", "2,1", "3,1", "5,1", "7,1", "12,1", "2,2", "4,2", "6,2"})
    void splitDecodingEqualsReferenceUnsplit(int splits, int dim) {
        NDArray out = vae.decode(input("latent"), SplitOptions.of(splits, dim));
        assertEquals("(1, 1, 32, 48, 24)", out.getShape().toString());
        double err = TestFixtures.relativeError(out.toFloatArray(), expected("decoded_splits1"));
        assertTrue(err < TOL, "relative error " + err);
    }

    @ParameterizedTest(name = "{0} as MONAI splits it")
    @CsvSource({"decoded_splits2_dim0,2,0", "decoded_splits3_dim1,3,1", "decoded_splits2_dim2,2,2"})
    void matchesMonaiSplitOutputs(String key, int splits, int dim) {
        NDArray out = vae.decode(input("latent"), SplitOptions.of(splits, dim));
        assertTrue(TestFixtures.relativeError(out.toFloatArray(), expected(key)) < TOL);
    }

    @ParameterizedTest(name = "encode {0} splits along dim {1}")
    @CsvSource({"2,0", "3,0", "5,1", "3,2", "7,2"})
    void splitEncodingEqualsReference(int splits, int dim) {
        NDArray mu = vae.encode(input("image"), SplitOptions.of(splits, dim)).mean();
        assertTrue(TestFixtures.relativeError(mu.toFloatArray(), expected("z_mu")) < TOL);
    }

    @Test
    void activationsInScratchFilesGiveTheSameResultAndAreRemoved(@TempDir Path scratch) throws Exception {
        SplitOptions tiny = SplitOptions.of(3, 1).withMemoryBudget(1).withScratchDir(scratch);
        NDArray out = vae.decode(input("latent"), tiny);
        assertTrue(TestFixtures.relativeError(out.toFloatArray(), expected("decoded_splits1")) < TOL);
        try (var files = Files.list(scratch)) {
            assertEquals(0, files.count(), "scratch files must be deleted after decoding");
        }
    }

    @Test
    void automaticSplitCountGrowsAsTheBudgetShrinks() {
        long[] latent = {1, 4, 128, 128, 48};
        int roomy = vae.chooseSplits(latent, SplitOptions.auto().withMemoryBudget(1L << 40), true);
        int tight = vae.chooseSplits(latent, SplitOptions.auto().withMemoryBudget(1L << 30), true);
        assertEquals(1, roomy);
        assertTrue(tight > 8, "a 1 GB budget needs many splits for a full-size latent, got " + tight);
        int raised = vae.chooseSplits(latent, SplitOptions.of(2, 0).withMemoryBudget(1L << 30), true);
        assertEquals(tight, raised, "a requested count below what the budget needs is raised");
        assertEquals(200, vae.chooseSplits(latent, SplitOptions.of(200, 0).withMemoryBudget(1L << 30), true));
    }

    @Test
    void cancellationStopsBetweenSlabs() {
        SplitOptions cancelled = SplitOptions.of(4, 0).withCancelCheck(() -> {
            throw new java.util.concurrent.CancellationException("cancelled by test");
        });
        var ex = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> vae.decode(input("latent"), cancelled));
        assertEquals("cancelled by test", ex.getMessage());
    }
}
