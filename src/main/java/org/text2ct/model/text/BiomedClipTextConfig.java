package org.text2ct.model.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;

/**
 * BiomedCLIP's text tower as open_clip builds it from a Hugging Face model: {@code embed_dim},
 * {@code hf_proj_type} ("mlp", "linear" or none), {@code hf_pooler_type} (only
 * "cls_last_hidden_state_pooler", BiomedCLIP's), {@code context_length} (256), and the BERT
 * config.json under {@code text_config}.
 */
public record BiomedClipTextConfig(int embedDim, Projection projection, int contextLength, BertConfig bert) {
    static final String CLS_POOLER = "cls_last_hidden_state_pooler";

    /** open_clip's projection after pooling; MLP hidden width is (hidden + embed) / 2, erf-GELU between. */
    public enum Projection {
        MLP, LINEAR, NONE
    }

    public BiomedClipTextConfig {
        if (embedDim <= 0) {
            throw invalid("embed_dim must be > 0, got " + embedDim);
        }
        if (projection == Projection.NONE && embedDim != bert.hiddenSize()) {
            throw invalid("hf_proj_type is none but embed_dim " + embedDim + " differs from hidden_size "
                    + bert.hiddenSize());
        }
        if (contextLength <= 0 || contextLength > bert.maxPositionEmbeddings()) {
            throw invalid("context_length " + contextLength + " must be in 1.." + bert.maxPositionEmbeddings()
                    + " (max_position_embeddings)");
        }
    }

    /** Width of the MLP projection's hidden layer, as open_clip computes it. */
    public int mlpHidden() {
        return (bert.hiddenSize() + embedDim) / 2;
    }

    public static BiomedClipTextConfig fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        String pooler = has(o, "hf_pooler_type") ? o.get("hf_pooler_type").getAsString() : CLS_POOLER;
        if (!pooler.equals(CLS_POOLER)) {
            throw invalid("hf_pooler_type '" + pooler + "' is not supported; use " + CLS_POOLER);
        }
        if (!has(o, "text_config")) {
            throw invalid("text_config (the BERT config.json) is missing");
        }
        return new BiomedClipTextConfig(
                has(o, "embed_dim") ? o.get("embed_dim").getAsInt() : 512,
                projection(has(o, "hf_proj_type") ? o.get("hf_proj_type").getAsString() : "none"),
                has(o, "context_length") ? o.get("context_length").getAsInt() : 256,
                BertConfig.fromJson(o.getAsJsonObject("text_config")));
    }

    private static Projection projection(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "mlp" -> Projection.MLP;
            case "linear" -> Projection.LINEAR;
            case "none", "" -> Projection.NONE;
            default -> throw invalid("hf_proj_type '" + value + "' is not supported; use mlp, linear or none");
        };
    }

    private static boolean has(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && !e.isJsonNull();
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid BiomedCLIP text config: " + why);
    }
}
