package org.text2ct.pipeline.bench;

import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.vae.VaeConfig;

/** The network sizes of the released MAISI VAE and of a Text2CT-style diffusion UNet (MODEL-FACTS.md). */
public final class ReleasedConfigs {
    /** The released MAISI VAE (autoencoder_epoch273.pt) in MONAI's argument names. */
    public static final String MAISI_VAE_JSON = "{\"spatial_dims\":3,\"in_channels\":1,\"out_channels\":1,\"latent_channels\":4,"
            + "\"num_channels\":[64,128,256],\"num_res_blocks\":[2,2,2],\"norm_num_groups\":32,\"norm_eps\":1e-6,"
            + "\"attention_levels\":[false,false,false]}";

    /** A Text2CT-style diffusion UNet in MONAI's argument names. */
    public static final String TEXT2CT_UNET_JSON = "{\"spatial_dims\":3,\"in_channels\":4,\"out_channels\":4,"
            + "\"num_channels\":[64,128,256,512],\"attention_levels\":[false,false,true,true],"
            + "\"num_head_channels\":[0,0,32,32],\"num_res_blocks\":2,\"norm_num_groups\":32,\"norm_eps\":1e-6,"
            + "\"resblock_updown\":true,\"include_fc\":true,\"transformer_num_layers\":1,\"with_conditioning\":true,"
            + "\"cross_attention_dim\":768,\"num_class_embeds\":128,\"include_spacing_input\":true,"
            + "\"upcast_attention\":true}";

    private ReleasedConfigs() {
    }

    public static VaeConfig maisiVae() {
        return VaeConfig.fromJson(MAISI_VAE_JSON);
    }

    public static UnetConfig text2ctUnet() {
        return UnetConfig.fromJson(TEXT2CT_UNET_JSON);
    }
}
