package org.text2ct.pipeline.pkg;

import com.google.gson.JsonObject;
import java.util.Arrays;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderEntry;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;

/** Checks that a manifest's parts fit together: the VAE, UNet, text encoder and output geometry. */
final class PackageConsistency {
    private PackageConsistency() {
    }

    static void check(ModelManifest m, VaeConfig vae, UnetConfig unet) throws ModelPackageException {
        if (unet.inChannels() != vae.latentChannels() || unet.outChannels() != vae.latentChannels()) {
            throw ManifestFields.error("unet.config", "in_channels " + unet.inChannels() + " and out_channels "
                    + unet.outChannels() + " must both equal autoencoder.config latent_channels "
                    + vae.latentChannels() + "; the UNet was trained for another autoencoder");
        }
        checkTextEncoder(m.textEncoder(), unet);
        int factor = vae.downFactor() * (1 << (unet.levels() - 1));
        for (int s : m.output().size()) {
            if (s % factor != 0) {
                throw ManifestFields.error("output.size", Arrays.toString(m.output().size())
                        + " must be multiples of " + factor + " (the autoencoder's factor " + vae.downFactor()
                        + " times 2^" + (unet.levels() - 1) + " for the UNet's downsamplings)");
            }
        }
        Integer label = m.conditioning().classLabel();
        if (label != null && (unet.numClassEmbeds() == null || label >= unet.numClassEmbeds())) {
            throw ManifestFields.error("conditioning.class_label", label + " needs unet.config num_class_embeds > "
                    + label + ", got " + unet.numClassEmbeds());
        }
        if (m.conditioning().spacingInput() != unet.includeSpacingInput()) {
            throw ManifestFields.error("conditioning.spacing_input", m.conditioning().spacingInput()
                    + " must equal unet.config include_spacing_input " + unet.includeSpacingInput());
        }
    }

    private static void checkTextEncoder(TextEncoderEntry text, UnetConfig unet) throws ModelPackageException {
        if (text.type() == TextEncoderType.NONE) {
            return;
        }
        if (unet.crossAttentionDim() == null) {
            throw ManifestFields.error("text_encoder.type", "'" + text.type().label()
                    + "' needs a UNet with cross-attention, but unet.config has no cross_attention_dim; use none");
        }
        String key = text.type() == TextEncoderType.T5 ? "d_model" : "projection_dim";
        JsonObject config = text.config();
        if (!config.has(key)) {
            throw ManifestFields.error("text_encoder.config", "has no " + key + "; copy the encoder's config.json");
        }
        int width = ConfigParsing.parse("text_encoder.config", "Hugging Face " + text.type().label(),
                () -> config.get(key).getAsInt());
        if (width != unet.crossAttentionDim()) {
            throw ManifestFields.error("text_encoder.config", key + " " + width
                    + " must equal unet.config cross_attention_dim " + unet.crossAttentionDim()
                    + "; the UNet was trained with another text encoder");
        }
    }
}
