package org.text2ct.pipeline.importers;

import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/** The Hugging Face key names a T5 encoder of a given config must have (T5EncoderModel's state dict). */
final class T5EncoderKeys {
    static final String SHARED = "shared.weight";
    /** Hugging Face saves the tied input embedding a second time under this name in some checkpoints. */
    static final String TIED_EMBEDDING = "encoder.embed_tokens.weight";

    private T5EncoderKeys() {
    }

    static boolean isEncoderKey(String key) {
        return key.equals(SHARED) || key.startsWith("encoder.");
    }

    /** Every key the encoder needs; {@code numLayers} blocks, ReLU or gated feed-forward as the config says. */
    static Set<String> expected(JsonObject config) {
        int layers = config.get("num_layers").getAsInt();
        String ff = config.has("feed_forward_proj") ? config.get("feed_forward_proj").getAsString() : "relu";
        boolean gated = ff.startsWith("gated-");
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SHARED);
        for (int i = 0; i < layers; i++) {
            String block = "encoder.block." + i + ".layer.";
            for (String proj : new String[] {"q", "k", "v", "o"}) {
                keys.add(block + "0.SelfAttention." + proj + ".weight");
            }
            if (i == 0) {
                // Relative position bias lives only in the first layer and is shared by the rest.
                keys.add(block + "0.SelfAttention.relative_attention_bias.weight");
            }
            keys.add(block + "0.layer_norm.weight");
            if (gated) {
                keys.add(block + "1.DenseReluDense.wi_0.weight");
                keys.add(block + "1.DenseReluDense.wi_1.weight");
            } else {
                keys.add(block + "1.DenseReluDense.wi.weight");
            }
            keys.add(block + "1.DenseReluDense.wo.weight");
            keys.add(block + "1.layer_norm.weight");
        }
        keys.add("encoder.final_layer_norm.weight");
        return keys;
    }
}
