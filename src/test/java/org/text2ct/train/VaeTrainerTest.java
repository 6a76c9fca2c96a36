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

    private static VaeTrainer.Settings settings(int steps) {
        return new VaeTrainer.Settings(TinyTrainingData.VAE_JSON, steps, 2, 1e-2, new int[] {16, 16, 16}, 3,
                VaeTrainer.Settings.DEFAULT_KL_WEIGHT, 1.0);
    }

    @Test
    void lossDecreasesOverTwentySteps() {
        try (NDManager m = manager.newSubManager()) {
            VaeTrainer t = new VaeTrainer(settings(20), data, m, null);
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
}
