package org.text2ct.model.text;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;

/**
 * The encoder part of a Hugging Face {@code T5Config}, read from the same config.json field
 * names with Hugging Face's defaults. Invalid values fail here, naming the field.
 */
public record T5Config(int vocabSize, int dModel, int dKv, int dFf, int numLayers, int numHeads,
        int relativeAttentionNumBuckets, int relativeAttentionMaxDistance, float layerNormEpsilon,
        FeedForward feedForwardProj) {

    /** The feed-forward variants: T5 1.0 uses ReLU, T5 v1.1 / Flan-T5 a gated tanh-GELU. */
    public enum FeedForward {
        RELU("relu"), GATED_GELU("gated-gelu");

        private final String label;

        FeedForward(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static FeedForward fromLabel(String value) {
            for (FeedForward f : values()) {
                if (f.label.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw invalid("feed_forward_proj '" + value + "' is not supported; use relu or gated-gelu");
        }
    }

    public T5Config {
        positive("vocab_size", vocabSize);
        positive("d_model", dModel);
        positive("d_kv", dKv);
        positive("d_ff", dFf);
        positive("num_layers", numLayers);
        positive("num_heads", numHeads);
        positive("relative_attention_max_distance", relativeAttentionMaxDistance);
        // Bidirectional buckets split the range in two halves, each with an exact and a log part.
        if (relativeAttentionNumBuckets < 4 || relativeAttentionNumBuckets % 2 != 0) {
            throw invalid("relative_attention_num_buckets must be even and at least 4, got " + relativeAttentionNumBuckets);
        }
        if (!(layerNormEpsilon > 0)) {
            throw invalid("layer_norm_epsilon must be > 0, got " + layerNormEpsilon);
        }
    }

    /** Channels of the concatenated attention heads (num_heads · d_kv, not necessarily d_model). */
    public int innerDim() {
        return numHeads * dKv;
    }

    public static T5Config fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new T5Config(
                ConfigFields.integer(o, "vocab_size", 32128),
                ConfigFields.integer(o, "d_model", 512),
                ConfigFields.integer(o, "d_kv", 64),
                ConfigFields.integer(o, "d_ff", 2048),
                ConfigFields.integer(o, "num_layers", 6),
                ConfigFields.integer(o, "num_heads", 8),
                ConfigFields.integer(o, "relative_attention_num_buckets", 32),
                ConfigFields.integer(o, "relative_attention_max_distance", 128),
                ConfigFields.has(o, "layer_norm_epsilon") ? o.get("layer_norm_epsilon").getAsFloat() : 1e-6f,
                FeedForward.fromLabel(ConfigFields.has(o, "feed_forward_proj") ? o.get("feed_forward_proj").getAsString() : "relu"));
    }

    private static void positive(String field, int value) {
        ConfigFields.positive("T5", field, value);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid T5 config: " + why);
    }
}
