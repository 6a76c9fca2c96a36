package org.text2ct.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.LatentObserver;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.diffusion.Sampler;
import org.text2ct.diffusion.SeededGaussian;
import org.text2ct.model.vae.SplitOptions;
import org.text2ct.volume.CtVolume;

/**
 * The one orchestrator of text → CT: encode the prompt (and the null prompt), draw the seeded
 * noise, run the guided sampler, decode latent / scale_factor with tensor splitting, and convert
 * to HU. Menus, macros and the CLI all call {@link #generate}; it checks for cancel between
 * stages and steps and frees each run's native memory when it returns.
 */
public final class GenerationPipeline {
    private final GenerationModel model;
    private final NDManager manager;

    public GenerationPipeline(GenerationModel model, NDManager manager) {
        this.model = model;
        this.manager = manager;
    }

    public GenerationResult generate(GenerateRequest r, ProgressListener progress, CancelToken cancel) {
        int[] latent = r.latentSize(model);
        long start = System.nanoTime();
        try (NDManager run = manager.newSubManager()) {
            PromptContext context = context(r.prompt(), run);
            PromptContext nullContext = nullContext(context, run);
            checkCancel(cancel, "before sampling");
            long[] shape = latentShape(latent);
            float[] noise = SeededGaussian.noise(r.seed(), Math.toIntExact(new Shape(shape).size()));
            UnetDenoiser denoiser = new UnetDenoiser(model.unet(), run, shape, r.guidanceScale(), context, nullContext,
                    model.classLabel(), spacing(r.spacing(), run));
            // Stochastic schedulers (DDPM, DDIM with eta > 0) draw their step noise from a second seeded stream.
            float[] z = new Sampler(model.scheduler()).sample(r.steps(), latent, noise, new SeededGaussian(r.seed() + 1),
                    denoiser, progress, cancel, LatentObserver.NONE);
            double sampled = seconds(start);
            checkCancel(cancel, "before decoding");
            NDArray zs = run.create(z, new Shape(shape)).div(model.scaleFactor());
            SplitOptions split = SplitOptions.auto().withSplits(r.splits()).withCancelCheck(() -> checkCancel(cancel,
                    "while decoding"));
            NDArray decoded = model.vae().decode(zs, split);
            CtVolume volume = LatentToVolume.toHu(decoded, r.spacing());
            return new GenerationResult(volume, metadata(r, sampled, seconds(start) - sampled));
        }
    }

    /**
     * The UNet's unguided output for {@code prompt} (null: the guidance null context) on {@code latent} at
     * {@code timestep}: for probes of what the network makes of its conditioning.
     */
    public float[] predict(String prompt, float[] latent, int[] latentSize, int timestep, double[] spacingMm) {
        try (NDManager run = manager.newSubManager()) {
            PromptContext context = prompt == null ? nullContext(context("", run), run) : context(prompt, run);
            return new UnetDenoiser(model.unet(), run, latentShape(latentSize), 1.0, context, null, model.classLabel(),
                    spacing(spacingMm, run)).predict(latent, timestep);
        }
    }

    /** [1, latent channels, X, Y, Z] for a latent of spatial size {@code latent}. */
    public long[] latentShape(int[] latent) {
        return new long[] {1, model.vae().config().latentChannels(), latent[0], latent[1], latent[2]};
    }

    private PromptContext context(String prompt, NDManager run) {
        TextConditioner text = model.text();
        return text == null ? null : text.encode(model.applyTemplate(prompt), run);
    }

    private PromptContext nullContext(PromptContext context, NDManager run) {
        if (context == null) {
            return null;
        }
        return model.nullContextIsZeros() ? context.zeros() : context("", run);
    }

    private NDArray spacing(double[] mm, NDManager run) {
        return model.unet().config().includeSpacingInput() ? run.create(new float[] {(float) (mm[0] * 100),
                (float) (mm[1] * 100), (float) (mm[2] * 100)}, new Shape(1, 3)) : null;
    }

    private Map<String, String> metadata(GenerateRequest r, double sampleSeconds, double decodeSeconds) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("prompt", r.prompt());
        m.put("seed", Long.toString(r.seed()));
        m.put("steps", Integer.toString(r.steps()));
        m.put("guidance_scale", Double.toString(r.guidanceScale()));
        m.put("model", model.id());
        m.put("size", Arrays.toString(r.size()));
        m.put("spacing_mm", Arrays.toString(r.spacing()));
        m.put("sampling_seconds", String.format(Locale.ROOT, "%.1f", sampleSeconds));
        m.put("decoding_seconds", String.format(Locale.ROOT, "%.1f", decodeSeconds));
        String v = GenerationPipeline.class.getPackage().getImplementationVersion();
        m.put("text2ct_version", v == null ? "development" : v);
        return m;
    }

    private static void checkCancel(CancelToken cancel, String where) {
        if (cancel.isCancelled()) {
            throw new CancellationException("generation cancelled " + where);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** For callers that want no progress and no cancel. */
    public GenerationResult generate(GenerateRequest r) {
        return generate(r, ProgressListener.NONE, CancelToken.NEVER);
    }
}
