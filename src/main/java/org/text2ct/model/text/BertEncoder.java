package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.PaddingMask;
import org.text2ct.nn.ParamStore;

/**
 * Hugging Face's {@code BertModel} without its pooler layer (open_clip builds BiomedCLIP's tower
 * that way): embeddings, then the layers {@code encoder.layer.N}, giving last_hidden_state.
 */
public final class BertEncoder {
    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers = new ArrayList<>();

    /** @param prefix the model's key prefix, e.g. {@code text.transformer} in an open_clip checkpoint */
    public BertEncoder(BertConfig c, ParamStore p, String prefix) {
        embeddings = new BertEmbeddings(p, prefix + ".embeddings", c);
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            layers.add(new BertLayer(p, prefix + ".encoder.layer." + i, c));
        }
    }

    /** ids and mask [B, L] (mask 1 for real tokens) → last_hidden_state [B, L, hidden]. */
    public NDArray forward(NDArray inputIds, NDArray attentionMask) {
        NDArray maskBias = PaddingMask.toBias(attentionMask);
        NDArray h = embeddings.forward(inputIds);
        for (BertLayer layer : layers) {
            h = layer.forward(h, maskBias);
        }
        return h;
    }
}
