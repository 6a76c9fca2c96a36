package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.text2ct.nn.Engines;

/** Adam, gradient clipping and the learning-rate schedule against hand-computed values. */
class OptimizerTest {

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRateAgainstItsGradient() {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray p = m.create(new float[] {1f, -2f, 0.5f});
            p.setRequiresGradient(true);
            Adam adam = new Adam(m);
            for (int step = 0; step < 2; step++) {
                try (NDManager scope = m.newSubManager();
                     GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray loss = p.mul(p).sum().mul(0.5f);
                    gc.backward(loss);
                }
                adam.step(Map.of("p", p), 0.1, 100);
            }
            float[] got = p.toFloatArray();
            float[] start = {1f, -2f, 0.5f};
            for (int i = 0; i < 3; i++) {
                assertEquals(twoAdamSteps(start[i]), got[i], 1e-6f);
            }
            assertEquals(2, adam.steps());
            assertEquals(2, adam.state().size());
        }
    }

    @Test
    void aStepWithANonFiniteGradientIsSkippedAndLeavesNoTrace() {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray p = m.create(new float[] {1f, -2f, 0.5f});
            p.setRequiresGradient(true);
            Adam adam = new Adam(m);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(p.mul(m.create(new float[] {Float.NaN, 1f, 1f})).sum());
            }
            assertTrue(Double.isNaN(adam.step(Map.of("p", p), 0.1, 1.0)));
            assertArrayEquals(new float[] {1f, -2f, 0.5f}, p.toFloatArray(), "weights untouched");
            assertEquals(0, adam.steps(), "no update counted");
            for (int step = 0; step < 2; step++) {
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    gc.backward(p.mul(p).sum().mul(0.5f));
                }
                adam.step(Map.of("p", p), 0.1, 100);
            }
            float[] got = p.toFloatArray();
            float[] start = {1f, -2f, 0.5f};
            for (int i = 0; i < 3; i++) {
                assertEquals(twoAdamSteps(start[i]), got[i], 1e-6f, "later steps as if the bad one never happened");
            }
        }
    }

    /** Two Adam steps (lr 0.1) on ½p², in double precision: step 1 moves by lr·sign(p) exactly. */
    private static float twoAdamSteps(double p0) {
        double g1 = p0;
        double p1 = p0 - 0.1 * Math.signum(g1);
        double g2 = p1;
        double m = (0.9 * 0.1 * g1 + 0.1 * g2) / (1 - 0.81);
        double v = (0.999 * 0.001 * g1 * g1 + 0.001 * g2 * g2) / (1 - 0.999 * 0.999);
        return (float) (p1 - 0.1 * m / (Math.sqrt(v) + 1e-8));
    }

    @Test
    void clippingScalesAllGradientsToTheGlobalNorm() {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray a = m.create(new float[] {3f});
            NDArray b = m.create(new float[] {4f});
            assertEquals(5.0, GradientClipping.clipByGlobalNorm(List.of(a, b), 1.0), 1e-6);
            assertArrayEquals(new float[] {0.6f}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.8f}, b.toFloatArray(), 1e-6f);
            assertEquals(1.0, GradientClipping.clipByGlobalNorm(List.of(a, b), 2.0), 1e-6);
            assertArrayEquals(new float[] {0.6f}, a.toFloatArray(), 1e-6f, "under the limit: unchanged");
        }
    }

    @Test
    void scheduleWarmsUpThenDecaysAlongACosine() {
        LrSchedule s = new LrSchedule(1.0, 10, 110, 0.1);
        assertEquals(0.1, s.at(0), 1e-12);
        assertEquals(1.0, s.at(9), 1e-12);
        assertEquals(1.0, s.at(10), 1e-12);
        assertEquals(0.55, s.at(60), 1e-12);
        assertEquals(0.1, s.at(110), 1e-12);
        assertEquals(25, LrSchedule.standard(1e-3, 500).warmupSteps());
    }
}
