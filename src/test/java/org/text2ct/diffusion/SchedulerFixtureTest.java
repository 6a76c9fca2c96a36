package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.text2ct.weights.SafeTensorsFile;

/**
 * Every output tensor of the MONAI scheduler fixture, recomputed from the fixture's inputs with the
 * configurations in cases.json: timesteps exactly, float tensors to 1e-6 of the reference's max |value|.
 */
class SchedulerFixtureTest {
    private static final double TOLERANCE = 1e-6;
    private static final Set<String> INPUTS = Set.of("x0", "noise", "model_output", "sample");

    private static SafeTensorsFile file;

    @BeforeAll
    static void open() throws IOException {
        file = SafeTensorsFile.open(SchedulerFixtures.path("schedulers.safetensors"));
    }

    @AfterAll
    static void close() {
        file.close();
    }

    private static float[] input(String name) {
        return file.get(name).toFloats();
    }

    /** Name of each reference tensor and how our schedulers compute it (a float[] or an int[] of timesteps). */
    static Map<String, Supplier<Object>> cases() {
        DdpmScheduler ddpm = new DdpmScheduler(DdpmConfig.fromJson(SchedulerFixtures.config("ddpm")));
        DdimScheduler ddim = new DdimScheduler(DdimConfig.fromJson(SchedulerFixtures.config("ddim")));
        RectifiedFlowScheduler rflow =
                new RectifiedFlowScheduler(RectifiedFlowConfig.fromJson(SchedulerFixtures.config("rflow")));
        int ddimSteps = SchedulerFixtures.intSetting("ddim", "num_inference_steps");
        int rflowSteps = SchedulerFixtures.intSetting("rflow", "num_inference_steps");
        int[] latent = {128, 128, 48};
        assertEquals(SchedulerFixtures.intSetting("rflow", "input_img_size_numel"), 128 * 128 * 48);

        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        cases.put("ddpm_alphas_cumprod", ddpm::alphasCumprod);
        for (int t : new int[] {0, 10, 500, 999}) {
            cases.put("ddpm_add_noise_t" + t, () -> ddpm.addNoise(input("x0"), input("noise"), t));
            cases.put("ddpm_velocity_t" + t, () -> ddpm.trainingTarget(input("x0"), input("noise"), t));
        }
        cases.put("ddim50_timesteps", () -> ddim.timesteps(ddimSteps, latent).timesteps());
        for (int t : new int[] {980, 480, 0}) {
            cases.put("ddim50_step_t" + t + "_prev", () -> ddimStep(ddim, ddimSteps, t).prevSample());
            cases.put("ddim50_step_t" + t + "_orig", () -> ddimStep(ddim, ddimSteps, t).predOriginalSample());
        }
        cases.put("rflow30_timesteps_128x128x48", () -> rflow.timesteps(rflowSteps, latent).timesteps());
        cases.put("rflow_step0_prev", () -> rflowFirstStep(rflow, rflowSteps, latent).prevSample());
        cases.put("rflow_step0_orig", () -> rflowFirstStep(rflow, rflowSteps, latent).predOriginalSample());
        cases.put("rflow_add_noise_t700", () -> rflow.addNoise(input("x0"), input("noise"), 700));
        return cases;
    }

    private static StepResult ddimStep(DdimScheduler ddim, int steps, int t) {
        return ddim.timesteps(steps, null).step(input("model_output"), t, input("sample"));
    }

    private static StepResult rflowFirstStep(RectifiedFlowScheduler rflow, int steps, int[] latent) {
        SchedulerRun run = rflow.timesteps(steps, latent);
        return run.step(input("model_output"), run.timesteps()[0], input("sample"));
    }

    static Stream<Arguments> tensors() {
        return cases().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tensors")
    void reproducesReference(String name, Supplier<Object> compute) {
        Object actual = compute.get();
        if (actual instanceof int[] steps) {
            long[] expected = file.get(name).toLongs();
            assertArrayEquals(expected, Arrays.stream(steps).asLongStream().toArray(), name);
        } else {
            float[] expected = file.get(name).toFloats();
            float[] got = (float[]) actual;
            assertEquals(expected.length, got.length, name + " length");
            double maxRef = 0;
            double maxErr = 0;
            for (int i = 0; i < got.length; i++) {
                maxRef = Math.max(maxRef, Math.abs(expected[i]));
                maxErr = Math.max(maxErr, Math.abs((double) got[i] - expected[i]));
            }
            System.out.printf("%s max_abs_err=%.3e max_rel_err=%.3e%n", name, maxErr, maxErr / maxRef);
            assertTrue(maxErr <= TOLERANCE * maxRef, name + ": max error " + maxErr + " vs max |ref| " + maxRef);
        }
    }

    @Test
    void coversEveryTensorOfTheFixture() {
        Set<String> covered = new TreeSet<>(cases().keySet());
        covered.addAll(INPUTS);
        assertEquals(new TreeSet<>(file.keys()), covered);
    }
}
