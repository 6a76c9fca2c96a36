package org.text2ct.pipeline;

import org.text2ct.diffusion.Scheduler;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.vae.MaisiVae;

/**
 * Everything a generation run needs from a model package, loaded once and reused across runs.
 *
 * @param scaleFactor latents are divided by it before decoding (MAISI's scale_factor)
 * @param classLabel the UNet's class input, or null when it has none
 * @param nullContextIsZeros the unconditional context: zeros, or else the encoded empty prompt
 * @param promptTemplate text around the user's prompt, with {@code {prompt}} where it goes
 * @param id names the model in results (e.g. its name and the SHA-256 of its UNet)
 */
public record GenerationModel(MaisiVae vae, MaisiUnet unet, TextConditioner text, Scheduler scheduler,
        float scaleFactor, Long classLabel, boolean nullContextIsZeros, String promptTemplate, String id) {

    public String applyTemplate(String prompt) {
        return promptTemplate == null || promptTemplate.isEmpty() ? prompt : promptTemplate.replace("{prompt}", prompt);
    }

    /** Spatial size ratio between the output and the latent. */
    public int latentFactor() {
        return vae.config().downFactor();
    }

    /** The latent size must survive the UNet's downsamplings: a multiple of 2^(levels − 1). */
    public int latentMultiple() {
        return 1 << (unet.config().levels() - 1);
    }
}
