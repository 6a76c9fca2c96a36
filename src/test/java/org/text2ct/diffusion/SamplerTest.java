package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The sampling loop's contract: one denoiser call per step, progress per step, cancel within a step. */
class SamplerTest {
    private static final Scheduler RFLOW = new RectifiedFlowScheduler(new RectifiedFlowConfig(1000, true, true, 0,
            32 * 32 * 32, 3));

    @Test
    void zeroVelocityLeavesTheNoiseUnchangedAndReportsEveryStep() {
        List<Integer> steps = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        float[] noise = {0.5f, -1.25f, 2f};
        float[] out = new Sampler(RFLOW).sample(5, new int[] {8, 8, 8}, noise, NoiseSource.NONE, (latent, t) -> {
            calls.add(t);
            return new float[latent.length];
        }, (step, total, elapsed, eta) -> {
            assertEquals(5, total);
            steps.add(step);
        }, CancelToken.NEVER, LatentObserver.NONE);
        assertEquals(List.of(1, 2, 3, 4, 5), steps);
        assertEquals(5, calls.size());
        assertTrue(calls.get(0) > calls.get(4), "timesteps go from noisy to clean: " + calls);
        assertEquals(-1.25f, out[1]);
    }

    @Test
    void constantVelocityIntegratesToTheCleanSample() {
        // x_t = (1 − t/1000)·x0 + (t/1000)·ε and v = x0 − ε, so stepping to t = 0 reaches x0 = ε + v.
        float[] noise = {1f, -2f};
        float[] v = {0.5f, 0.25f};
        float[] out = new Sampler(RFLOW).sample(10, new int[] {32, 32, 32}, noise, NoiseSource.NONE,
                (latent, t) -> v.clone(), ProgressListener.NONE, CancelToken.NEVER, LatentObserver.NONE);
        int first = RFLOW.timesteps(10, new int[] {32, 32, 32}).timesteps()[0];
        assertEquals(1f + 0.5f * first / 1000f, out[0], 1e-5);
        assertEquals(-2f + 0.25f * first / 1000f, out[1], 1e-5);
    }

    @Test
    void cancelStopsBeforeTheNextStep() {
        CancelToken.Flag flag = CancelToken.flag();
        List<Integer> calls = new ArrayList<>();
        CancellationException e = assertThrows(CancellationException.class, () -> new Sampler(RFLOW).sample(30,
                new int[] {8, 8, 8}, new float[4], NoiseSource.NONE, (latent, t) -> {
                    calls.add(t);
                    if (calls.size() == 3) {
                        flag.cancel();
                    }
                    return new float[latent.length];
                }, ProgressListener.NONE, flag, LatentObserver.NONE));
        assertEquals(3, calls.size());
        assertTrue(e.getMessage().contains("3 of 30"), e.getMessage());
    }
}
