package org.text2ct.train;

import java.util.Locale;

/**
 * Network sizes of the demo model trained on synthetic phantoms on a CPU: the MAISI
 * architectures with few channels (4× VAE compression as released; a 3-level text-conditioned
 * UNet) and a small T5 encoder learned from the report vocabulary.
 */
public final class DemoConfigs {
    /** MAISI VAE layout (3 levels, 4× compression, no attention) at 16/32/32 channels, 1 residual block each. */
    public static final String VAE_JSON = "{\"spatial_dims\":3,\"in_channels\":1,\"out_channels\":1,"
            + "\"latent_channels\":4,\"num_channels\":[16,32,32],\"num_res_blocks\":[1,1,1],\"norm_num_groups\":8,"
            + "\"norm_eps\":1e-6,\"attention_levels\":[false,false,false],\"with_encoder_nonlocal_attn\":false,"
            + "\"with_decoder_nonlocal_attn\":false,\"use_checkpointing\":false,\"use_convtranspose\":false}";

    private DemoConfigs() {
    }

    /**
     * A Text2CT-style UNet with {@code base}, 2·base and 4·base channels; self- and cross-attention
     * only at the deepest level (a quarter of the latent per axis), since attention over the
     * middle level's tokens more than doubled the CPU training step for no gain in a demo.
     */
    public static String unetJson(int base, int contextWidth) {
        return String.format(Locale.ROOT, "{\"spatial_dims\":3,\"in_channels\":4,\"out_channels\":4,"
                + "\"num_res_blocks\":[1,1,1],\"num_channels\":[%d,%d,%d],\"attention_levels\":[false,false,true],"
                + "\"norm_num_groups\":8,\"norm_eps\":1e-6,\"resblock_updown\":false,\"num_head_channels\":[0,0,%d],"
                + "\"with_conditioning\":true,\"transformer_num_layers\":1,\"cross_attention_dim\":%d,"
                + "\"include_fc\":true,\"upcast_attention\":false,\"use_flash_attention\":false}",
                base, 2 * base, 4 * base, base, contextWidth);
    }

    /** A small T5 encoder (ReLU feed-forward, as T5-base) for a vocabulary of {@code vocab} tokens. */
    public static String t5Json(int vocab, int dModel, int layers) {
        int heads = Math.max(1, dModel / 32);
        return String.format(Locale.ROOT, "{\"model_type\":\"t5\",\"vocab_size\":%d,\"d_model\":%d,\"d_kv\":%d,"
                + "\"d_ff\":%d,\"num_layers\":%d,\"num_heads\":%d,\"relative_attention_num_buckets\":16,"
                + "\"relative_attention_max_distance\":64,\"layer_norm_epsilon\":1e-6,\"feed_forward_proj\":\"relu\"}",
                vocab, dModel, dModel / heads, 2 * dModel, layers, heads);
    }
}
