package org.text2ct.model.text;

import com.google.gson.JsonObject;

/**
 * A Hugging Face {@code BertConfig} (PubMedBERT in BiomedCLIP), read from the same config.json
 * field names with Hugging Face's defaults. Invalid values fail here, naming the field.
 */
public record BertConfig(int vocabSize, int hiddenSize, int numHiddenLayers, int numAttentionHeads,
        int intermediateSize, int maxPositionEmbeddings, int typeVocabSize, float layerNormEps, int padTokenId) {

    public BertConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("intermediate_size", intermediateSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        positive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw invalid("hidden_size " + hiddenSize + " must be a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (!(layerNormEps > 0)) {
            throw invalid("layer_norm_eps must be > 0, got " + layerNormEps);
        }
        if (padTokenId < 0 || padTokenId >= vocabSize) {
            throw invalid("pad_token_id " + padTokenId + " is outside the vocabulary of " + vocabSize);
        }
    }

    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    static BertConfig fromJson(JsonObject o) {
        String act = ConfigFields.has(o, "hidden_act") ? o.get("hidden_act").getAsString() : "gelu";
        if (!act.equals("gelu")) {
            throw invalid("hidden_act '" + act + "' is not supported; BERT and PubMedBERT use gelu");
        }
        String position = ConfigFields.has(o, "position_embedding_type") ? o.get("position_embedding_type").getAsString() : "absolute";
        if (!position.equals("absolute")) {
            throw invalid("position_embedding_type '" + position + "' is not supported; use absolute");
        }
        return new BertConfig(
                ConfigFields.integer(o, "vocab_size", 30522),
                ConfigFields.integer(o, "hidden_size", 768),
                ConfigFields.integer(o, "num_hidden_layers", 12),
                ConfigFields.integer(o, "num_attention_heads", 12),
                ConfigFields.integer(o, "intermediate_size", 3072),
                ConfigFields.integer(o, "max_position_embeddings", 512),
                ConfigFields.integer(o, "type_vocab_size", 2),
                ConfigFields.has(o, "layer_norm_eps") ? o.get("layer_norm_eps").getAsFloat() : 1e-12f,
                ConfigFields.integer(o, "pad_token_id", 0));
    }

    private static void positive(String field, int value) {
        ConfigFields.positive("BERT", field, value);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid BERT config: " + why);
    }
}
