package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.text2ct.nn.ParamStore;

/**
 * BiomedCLIP's text tower as open_clip runs it ({@code HFTextEncoder}): the attention mask is
 * derived from the ids (not pad → 1), PubMedBERT gives last_hidden_state, the [CLS] row (token 0)
 * is pooled, and the projection maps it to the image-text space. Keys as open_clip saves them:
 * {@code text.transformer.*} and {@code text.proj*}.
 */
public final class BiomedClipTextTower {
    /** What one forward pass gives: per-token states, the pooled [CLS] row and its projection. */
    public record Output(NDArray lastHiddenState, NDArray pooled, NDArray embedding) {
    }

    private final BiomedClipTextConfig config;
    private final BertEncoder bert;
    private final TextProjection projection;

    public BiomedClipTextTower(BiomedClipTextConfig c, ParamStore p) {
        config = c;
        bert = new BertEncoder(c.bert(), p, "text.transformer");
        projection = new TextProjection(p, "text.proj", c);
    }

    public BiomedClipTextConfig config() {
        return config;
    }

    /** ids [B, L] with L ≤ context_length, padded with pad_token_id. */
    public Output forward(NDArray inputIds) {
        long length = inputIds.getShape().get(inputIds.getShape().dimension() - 1);
        if (inputIds.getShape().dimension() != 2 || length == 0 || length > config.contextLength()) {
            throw new IllegalArgumentException("input_ids must be [batch, length] with 0 < length <= context_length "
                    + config.contextLength() + ", got " + inputIds.getShape());
        }
        NDArray mask = inputIds.neq(config.bert().padTokenId()).toType(DataType.INT64, false);
        NDArray hidden = bert.forward(inputIds, mask);
        NDArray pooled = hidden.get(":, 0, :");
        return new Output(hidden, pooled, projection.forward(pooled));
    }
}
