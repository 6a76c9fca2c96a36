package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.NoiseSource;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.diffusion.Sampler;
import org.text2ct.diffusion.Scheduler;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.SplitOptions;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.PromptContext;
import org.text2ct.pipeline.UnetDenoiser;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/**
 * {@code verify --kind pipeline}: the two guided sampling runs of {@code text2ct_pipeline_tiny}
 * (rectified flow and DDIM v-prediction, 10 steps each, from the file's noise) through the
 * sampler, the guided UNet and the VAE decoder: timesteps, latent after step 1, final latent,
 * and the decoded volume of latent / scale_factor.
 */
public final class PipelineCheck implements FixtureCheck {
    private static final int STEPS = 10;

    @Override
    public void run(VerifyOptions o, VerifyReport report) throws Exception {
        Fixtures.require(o.weights(), "--weights (the UNet)");
        Fixtures.require(o.vae(), "--vae");
        try (StateDict uw = SafeTensorsFile.open(o.weights());
                StateDict vw = SafeTensorsFile.open(o.vae());
                StateDict io = SafeTensorsFile.open(o.io());
                NDManager m = NDManager.newBaseManager(Engines.device(o.device()), "PyTorch")) {
            MaisiUnet unet = NetworkCheck.bind(uw, m, (c, p) -> new MaisiUnet(UnetConfig.fromJson(c), p));
            MaisiVae vae = NetworkCheck.bind(vw, m, (c, p) -> new MaisiVae(VaeConfig.fromJson(c), p));
            NDArray noise = Fixtures.array(m, io, "noise");
            long[] shape = noise.getShape().getShape();
            UnetDenoiser denoiser = new UnetDenoiser(unet, m, shape, Fixtures.floats(io, "guidance_scale")[0],
                    new PromptContext(Fixtures.array(m, io, "context"), null),
                    new PromptContext(Fixtures.array(m, io, "null_context"), null),
                    Fixtures.tensor(io, "class_label").toLongs()[0], Fixtures.array(m, io, "spacing"));
            float scaleFactor = Fixtures.floats(io, "scale_factor")[0];
            int[] spatial = {(int) shape[2], (int) shape[3], (int) shape[4]};
            runOne("rflow", ReferenceSchedulers.RFLOW, spatial, noise, denoiser, vae, scaleFactor, io, report);
            runOne("ddim", ReferenceSchedulers.DDIM, spatial, noise, denoiser, vae, scaleFactor, io, report);
        }
    }

    private static void runOne(String name, Scheduler scheduler, int[] spatial, NDArray noise, UnetDenoiser denoiser,
            MaisiVae vae, float scaleFactor, StateDict io, VerifyReport report) {
        long[] steps = java.util.Arrays.stream(scheduler.timesteps(STEPS, spatial).timesteps()).asLongStream().toArray();
        report.compareExact(name + "_timesteps", steps, Fixtures.tensor(io, name + "_timesteps").toLongs());
        float[][] afterFirst = new float[1][];
        float[] latent = new Sampler(scheduler).sample(STEPS, spatial, noise.toFloatArray(), NoiseSource.NONE, denoiser,
                ProgressListener.NONE, CancelToken.NEVER, (step, l) -> {
                    if (step == 1) {
                        afterFirst[0] = l;
                    }
                });
        report.compare(name + "_latent_after_step1", afterFirst[0], Fixtures.floats(io, name + "_latent_after_step1"));
        report.compare(name + "_latent", latent, Fixtures.floats(io, name + "_latent"));
        NDManager m = noise.getManager();
        NDArray z = m.create(latent, new Shape(noise.getShape().getShape())).div(scaleFactor);
        report.compare(name + "_decoded", vae.decode(z, SplitOptions.of(1, 0)).toFloatArray(),
                Fixtures.floats(io, name + "_decoded"));
    }
}
