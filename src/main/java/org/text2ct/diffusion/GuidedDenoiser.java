package org.text2ct.diffusion;

/**
 * The network side of one sampling step: the (guided) model output for a latent at a timestep.
 * The pipeline implements it with the UNet on a batch of prompt and null context; keeping it an
 * interface lets the sampler stay free of any engine.
 */
@FunctionalInterface
public interface GuidedDenoiser {
    float[] predict(float[] latent, int timestep);
}
