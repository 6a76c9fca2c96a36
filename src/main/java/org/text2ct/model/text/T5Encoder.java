package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.EmbeddingTable;
import org.text2ct.nn.PaddingMask;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.RmsNorm;

/**
 * The encoder stack of Hugging Face's T5 ({@code T5EncoderModel}), bound by its key names:
 * token embedding {@code shared.weight}, blocks {@code encoder.block.N}, and
 * {@code encoder.final_layer_norm}. Input ids and attention mask give last_hidden_state
 * [B, L, d_model]; rows at padded positions are computed but carry no meaning.
 */
public final class T5Encoder {
    static final String EMBEDDING = "shared.weight";
    /** Hugging Face checkpoints often repeat the tied embedding under this name as well. */
    static final String EMBEDDING_ALIAS = "encoder.embed_tokens.weight";

    private final T5Config config;
    private final EmbeddingTable embedding;
    private final RelativePositionBias positionBias;
    private final List<T5Block> blocks = new ArrayList<>();
    private final RmsNorm finalNorm;

    public T5Encoder(T5Config c, ParamStore p) {
        config = c;
        embedding = loadEmbedding(p, c);
        positionBias = new RelativePositionBias(p, "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight", c);
        for (int i = 0; i < c.numLayers(); i++) {
            blocks.add(new T5Block(p, "encoder.block." + i, c));
        }
        finalNorm = RmsNorm.load(p, "encoder.final_layer_norm", c.dModel(), c.layerNormEpsilon());
    }

    public T5Config config() {
        return config;
    }

    /**
     * @param inputIds token ids [B, L] (int64)
     * @param attentionMask 1 for real tokens, 0 for padding, [B, L]; null means no padding
     * @return last_hidden_state [B, L, d_model]
     */
    public NDArray forward(NDArray inputIds, NDArray attentionMask) {
        if (inputIds.getShape().dimension() != 2 || inputIds.getShape().get(1) == 0) {
            throw new IllegalArgumentException("input_ids must be [batch, length] with length > 0, got "
                    + inputIds.getShape());
        }
        int length = (int) inputIds.getShape().get(1);
        NDArray bias = positionBias.forward(inputIds.getManager(), length);
        if (attentionMask != null) {
            if (!attentionMask.getShape().equals(inputIds.getShape())) {
                throw new IllegalArgumentException("attention_mask " + attentionMask.getShape()
                        + " must have the shape of input_ids " + inputIds.getShape());
            }
            bias = bias.add(PaddingMask.toBias(attentionMask));
        }
        NDArray h = embedding.forward(inputIds);
        for (T5Block block : blocks) {
            h = block.forward(h, bias);
        }
        return finalNorm.forward(h);
    }

    /** shared.weight, else its alias; when both are present they must be the same table. */
    private static EmbeddingTable loadEmbedding(ParamStore p, T5Config c) {
        boolean alias = p.has(EMBEDDING_ALIAS);
        if (alias && !p.has(EMBEDDING)) {
            return EmbeddingTable.load(p, EMBEDDING_ALIAS, c.vocabSize(), c.dModel());
        }
        NDArray shared = p.get(EMBEDDING, c.vocabSize(), c.dModel());
        if (alias && !p.get(EMBEDDING_ALIAS, c.vocabSize(), c.dModel()).contentEquals(shared)) {
            throw new IllegalArgumentException(EMBEDDING + " and " + EMBEDDING_ALIAS
                    + " differ; a T5 encoder ties them, so the checkpoint is inconsistent");
        }
        return EmbeddingTable.of(shared, EMBEDDING);
    }
}
