package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.text2ct.weights.SafeTensorsFile;

/** Scheduler behaviour beyond single tensors: configs, run state, stochastic steps, other latent sizes. */
class SchedulerBehaviourTest {
    private static SafeTensorsFile file;
    private static DdpmScheduler ddpm;
    private static DdimScheduler ddim;
    private static RectifiedFlowScheduler rflow;

    @BeforeAll
    static void open() throws IOException {
        file = SafeTensorsFile.open(SchedulerFixtures.path("schedulers.safetensors"));
        ddpm = new DdpmScheduler(DdpmConfig.fromJson(SchedulerFixtures.config("ddpm")));
        ddim = new DdimScheduler(DdimConfig.fromJson(SchedulerFixtures.config("ddim")));
        rflow = new RectifiedFlowScheduler(RectifiedFlowConfig.fromJson(SchedulerFixtures.config("rflow")));
    }

    @AfterAll
    static void close() {
        file.close();
    }

    private static float[] tensor(String name) {
        return file.get(name).toFloats();
    }

    /** The pipeline fixture's 10-step timesteps for an 8×12×8 latent (smaller than 32³: shifted down). */
    @Test
    void timestepsOfThePipelineFixture() throws IOException {
        Path path = SchedulerFixtures.path("text2ct_pipeline_tiny.io.safetensors");
        try (SafeTensorsFile pipeline = SafeTensorsFile.open(path)) {
            int[] latent = {8, 12, 8};
            assertArrayEquals(pipeline.get("rflow_timesteps").toLongs(),
                    longs(rflow.timesteps(10, latent).timesteps()));
            assertArrayEquals(pipeline.get("ddim_timesteps").toLongs(),
                    longs(ddim.timesteps(10, latent).timesteps()));
        }
    }

    @Test
    void missingJsonKeysTakeMonaiDefaults() {
        assertEquals(new DdpmConfig(BetaConfig.MONAI_DEFAULT, DdpmConfig.VarianceType.FIXED_SMALL,
                ClipConfig.MONAI_DEFAULT, PredictionType.EPSILON), DdpmConfig.fromJson("{}"));
        assertEquals(new DdimConfig(BetaConfig.MONAI_DEFAULT, ClipConfig.MONAI_DEFAULT, true, 0,
                PredictionType.EPSILON, 0), DdimConfig.fromJson("{}"));
        assertEquals(new RectifiedFlowConfig(1000, true, false, 0, 32768, 3), RectifiedFlowConfig.fromJson("{}"));
    }

    @Test
    void configsRoundTripThroughJson() {
        assertEquals(ddpm.config(), DdpmConfig.fromJson(ddpm.config().toJson()));
        assertEquals(ddim.config(), DdimConfig.fromJson(ddim.config().toJson()));
        assertEquals(rflow.config(), RectifiedFlowConfig.fromJson(rflow.config().toJson()));
        String json = ddim.config().toJson();
        assertTrue(json.contains("\"schedule\":\"scaled_linear_beta\"")
                && json.contains("\"beta_start\":0.0015"), json);
    }

    @Test
    void badConfigValuesAreNamedWithTheAllowedOnes() {
        String schedule = assertThrows(IllegalArgumentException.class,
                () -> DdimConfig.fromJson("{\"schedule\": \"cosine\"}")).getMessage();
        assertTrue(schedule.contains("cosine") && schedule.contains("linear_beta, scaled_linear_beta"), schedule);
        String prediction = assertThrows(IllegalArgumentException.class,
                () -> DdpmConfig.fromJson("{\"prediction_type\": \"flow\"}")).getMessage();
        assertTrue(prediction.contains("flow") && prediction.contains("epsilon, sample, v_prediction"), prediction);
        String clip = assertThrows(IllegalArgumentException.class,
                () -> DdpmConfig.fromJson("{\"clip_sample\": \"yes\"}")).getMessage();
        assertTrue(clip.contains("clip_sample") && clip.contains("yes"), clip);
        String steps = assertThrows(IllegalArgumentException.class,
                () -> ddim.timesteps(0, null)).getMessage();
        assertTrue(steps.contains("num_inference_steps 0"), steps);
        assertThrows(IllegalArgumentException.class, () -> RectifiedFlowConfig.fromJson("[1]"));
    }

    @Test
    void clippingIsOnByDefaultAsInMonai() {
        DdimScheduler clipped = new DdimScheduler(new DdimConfig(ddim.config().betas(), ClipConfig.MONAI_DEFAULT,
                true, 0, PredictionType.V_PREDICTION, 0));
        float[] x0 = clipped.timesteps(50, null).step(tensor("model_output"), 0, tensor("sample")).predOriginalSample();
        float[] reference = tensor("ddim50_step_t0_orig");
        for (int i = 0; i < x0.length; i++) {
            assertEquals(Math.max(-1f, Math.min(1f, reference[i])), x0[i], 0f);
        }
    }

    /**
     * At t = 0 the DDPM posterior mean is the x₀ prediction, which DDIM's reference step also gives; in float32
     * its coefficient β₀/(1 − ᾱ₀) is 1 only to about 1e-5.
     */
    @Test
    void ddpmLastStepReturnsThePredictedOriginal() {
        StepResult step = ddpm.timesteps(1000, null).step(tensor("model_output"), 0, tensor("sample"));
        float[] reference = tensor("ddim50_step_t0_orig");
        assertArrayEquals(reference, step.predOriginalSample());
        float[] prev = step.prevSample();
        for (int i = 0; i < prev.length; i++) {
            assertEquals(reference[i], prev[i], 1e-5 * Math.abs(reference[i]));
        }
    }

    @Test
    void stochasticStepsNeedANoiseSource() {
        float[] out = tensor("model_output");
        float[] sample = tensor("sample");
        String message = assertThrows(IllegalStateException.class,
                () -> ddpm.timesteps(1000, null).step(out, 500, sample)).getMessage();
        assertTrue(message.contains("noise source"), message);
        DdimScheduler stochastic = new DdimScheduler(new DdimConfig(ddim.config().betas(), ClipConfig.OFF, true, 0,
                PredictionType.V_PREDICTION, 1));
        assertThrows(IllegalStateException.class, () -> stochastic.timesteps(50, null).step(out, 480, sample));
    }

    /** The DDPM noise term is √(posterior variance)·z; the variance from the reference ᾱ table. */
    @Test
    void ddpmAddsPosteriorNoise() {
        int t = 500;
        float[] out = tensor("model_output");
        float[] sample = tensor("sample");
        float[] mean = ddpm.timesteps(1000, null, n -> new float[n]).step(out, t, sample).prevSample();
        float[] z = SeededGaussian.noise(5, out.length);
        float[] noisy = ddpm.timesteps(1000, null, new SeededGaussian(5)).step(out, t, sample).prevSample();
        float[] ac = tensor("ddpm_alphas_cumprod");
        double beta = 1 - (double) ac[t] / ac[t - 1];
        double std = Math.sqrt((1 - (double) ac[t - 1]) / (1 - ac[t]) * beta);
        for (int i = 0; i < z.length; i++) {
            assertEquals(std * z[i], noisy[i] - mean[i], 1e-4 * std * Math.abs(z[i]) + 1e-6);
        }
    }

    /** One scheduler, two interleaved runs: each keeps its own position (diffusers#3672). */
    @Test
    void runsDoNotShareState() {
        int[] latent = {128, 128, 48};
        SchedulerRun a = rflow.timesteps(30, latent);
        SchedulerRun b = rflow.timesteps(30, latent);
        int[] steps = a.timesteps();
        float[] out = tensor("model_output");
        float[] first = a.step(out, steps[0], tensor("sample")).prevSample();
        assertArrayEquals(tensor("rflow_step0_prev"), b.step(out, steps[0], tensor("sample")).prevSample());
        assertArrayEquals(a.step(out, steps[1], first).prevSample(), b.step(out, steps[1], first).prevSample());
    }

    @Test
    void rectifiedFlowStepsFollowTheTimestepsAndEndAtZero() {
        SchedulerRun run = rflow.timesteps(3, new int[] {32, 32, 32});
        int[] steps = run.timesteps();
        assertArrayEquals(new int[] {1000, 667, 333}, steps);
        float[] out = tensor("model_output");
        float[] start = tensor("sample");
        String message = assertThrows(IllegalStateException.class, () -> run.step(out, steps[1], start)).getMessage();
        assertTrue(message.contains("expected 1000"), message);
        float[] x = start;
        for (int t : steps) {
            StepResult step = run.step(out, t, x);
            if (t == steps[steps.length - 1]) {
                assertArrayEquals(step.predOriginalSample(), step.prevSample(), 1e-6f);
            }
            x = step.prevSample();
        }
    }

    /** Noising with the training target: x_t + (t/T)·(x₀ − ε) returns to x₀. */
    @Test
    void rectifiedFlowTargetPointsFromNoiseToData() {
        float[] x0 = tensor("x0");
        float[] noise = tensor("noise");
        float[] target = rflow.trainingTarget(x0, noise, 700);
        float[] xt = tensor("rflow_add_noise_t700");
        for (int i = 0; i < x0.length; i++) {
            assertEquals(x0[i] - noise[i], target[i], 0f);
            assertEquals(x0[i], xt[i] + 0.7f * target[i], 1e-5f);
        }
    }

    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
