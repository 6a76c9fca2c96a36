package org.text2ct.pipeline.verify;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.text2ct.diffusion.DdimScheduler;
import org.text2ct.diffusion.DdpmScheduler;
import org.text2ct.diffusion.RectifiedFlowScheduler;
import org.text2ct.diffusion.SchedulerRun;
import org.text2ct.diffusion.StepResult;
import org.text2ct.weights.SafeTensorsFile;

/**
 * {@code verify --kind schedulers}: recomputes every output tensor of the scheduler fixture from its inputs
 * ({@code x0}, {@code noise}, {@code model_output}, {@code sample}); the tensor's name says what it is.
 */
public final class SchedulersCheck implements FixtureCheck {
    private static final Set<String> INPUTS = Set.of("x0", "noise", "model_output", "sample");
    private static final DdpmScheduler DDPM = ReferenceSchedulers.DDPM;
    private static final DdimScheduler DDIM = ReferenceSchedulers.DDIM;
    private static final RectifiedFlowScheduler RFLOW = ReferenceSchedulers.RFLOW;
    /** The run whose first step {@code rflow_step0_*} holds. */
    private static final int RFLOW_STEPS = 30;
    private static final int[] RFLOW_LATENT = {128, 128, 48};

    private static final Pattern DDPM_NOISE = Pattern.compile("ddpm_add_noise_t(\\d+)");
    private static final Pattern DDPM_VELOCITY = Pattern.compile("ddpm_velocity_t(\\d+)");
    private static final Pattern DDIM_TIMESTEPS = Pattern.compile("ddim(\\d+)_timesteps");
    private static final Pattern DDIM_STEP = Pattern.compile("ddim(\\d+)_step_t(\\d+)_(prev|orig)");
    private static final Pattern RFLOW_TIMESTEPS = Pattern.compile("rflow(\\d+)_timesteps_(\\d+)x(\\d+)x(\\d+)");
    private static final Pattern RFLOW_STEP = Pattern.compile("rflow_step0_(prev|orig)");
    private static final Pattern RFLOW_NOISE = Pattern.compile("rflow_add_noise_t(\\d+)");

    @Override
    public void run(VerifyOptions options, VerifyReport report) throws Exception {
        try (SafeTensorsFile io = SafeTensorsFile.open(options.io())) {
            for (String name : io.keys()) {
                if (INPUTS.contains(name)) {
                    continue;
                }
                try {
                    check(name, io, report);
                } catch (RuntimeException e) {
                    report.fail(name, String.valueOf(e.getMessage()));
                }
            }
        }
    }

    private static void check(String name, SafeTensorsFile io, VerifyReport report) {
        Matcher m;
        if (name.equals("ddpm_alphas_cumprod")) {
            report.compare(name, DDPM.alphasCumprod(), io.get(name).toFloats());
        } else if ((m = DDPM_NOISE.matcher(name)).matches()) {
            report.compare(name, DDPM.addNoise(in(io, "x0"), in(io, "noise"), arg(m, 1)), io.get(name).toFloats());
        } else if ((m = DDPM_VELOCITY.matcher(name)).matches()) {
            report.compare(name, DDPM.trainingTarget(in(io, "x0"), in(io, "noise"), arg(m, 1)),
                    io.get(name).toFloats());
        } else if ((m = DDIM_TIMESTEPS.matcher(name)).matches()) {
            report.compareExact(name, longs(DDIM.timesteps(arg(m, 1), null).timesteps()), io.get(name).toLongs());
        } else if ((m = DDIM_STEP.matcher(name)).matches()) {
            SchedulerRun run = DDIM.timesteps(arg(m, 1), null);
            StepResult step = run.step(in(io, "model_output"), arg(m, 2), in(io, "sample"));
            report.compare(name, pick(step, m.group(3)), io.get(name).toFloats());
        } else if ((m = RFLOW_TIMESTEPS.matcher(name)).matches()) {
            int[] latent = {arg(m, 2), arg(m, 3), arg(m, 4)};
            report.compareExact(name, longs(RFLOW.timesteps(arg(m, 1), latent).timesteps()), io.get(name).toLongs());
        } else if ((m = RFLOW_STEP.matcher(name)).matches()) {
            SchedulerRun run = RFLOW.timesteps(RFLOW_STEPS, RFLOW_LATENT);
            StepResult step = run.step(in(io, "model_output"), run.timesteps()[0], in(io, "sample"));
            report.compare(name, pick(step, m.group(1)), io.get(name).toFloats());
        } else if ((m = RFLOW_NOISE.matcher(name)).matches()) {
            report.compare(name, RFLOW.addNoise(in(io, "x0"), in(io, "noise"), arg(m, 1)), io.get(name).toFloats());
        } else {
            report.fail(name, "no recipe for this tensor");
        }
    }

    private static float[] in(SafeTensorsFile io, String name) {
        if (!io.keys().contains(name)) {
            throw new IllegalArgumentException("input tensor '" + name + "' is missing from " + io.source());
        }
        return io.get(name).toFloats();
    }

    private static int arg(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static float[] pick(StepResult step, String which) {
        return which.equals("prev") ? step.prevSample() : step.predOriginalSample();
    }

    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
