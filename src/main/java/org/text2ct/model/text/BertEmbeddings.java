package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.text2ct.nn.EmbeddingTable;
import org.text2ct.nn.LayerNormLayer;
import org.text2ct.nn.ParamStore;

/**
 * BERT's input embeddings: word + absolute position + token type (all type 0 for a single
 * text), then LayerNorm. Older checkpoints also store the {@code position_ids} buffer; it must be
 * 0, 1, 2, … as Hugging Face creates it.
 */
final class BertEmbeddings {
    private final EmbeddingTable words;
    private final EmbeddingTable positions;
    private final EmbeddingTable types;
    private final LayerNormLayer norm;

    BertEmbeddings(ParamStore p, String prefix, BertConfig c) {
        words = EmbeddingTable.load(p, prefix + ".word_embeddings.weight", c.vocabSize(), c.hiddenSize());
        positions = EmbeddingTable.load(p, prefix + ".position_embeddings.weight", c.maxPositionEmbeddings(),
                c.hiddenSize());
        types = EmbeddingTable.load(p, prefix + ".token_type_embeddings.weight", c.typeVocabSize(), c.hiddenSize());
        norm = LayerNormLayer.load(p, prefix + ".LayerNorm", c.hiddenSize(), c.layerNormEps());
        String positionIds = prefix + ".position_ids";
        if (p.has(positionIds)) {
            NDArray ids = p.get(positionIds, 1, c.maxPositionEmbeddings());
            // A mis-shaped buffer is left to the strict check, which names it; its placeholder has no values to check.
            if (p.has(positionIds, 1, c.maxPositionEmbeddings())) {
                checkPositionIds(ids, positionIds);
            }
        }
    }

    /** ids [B, L] → [B, L, hidden]. */
    NDArray forward(NDArray ids) {
        NDManager m = ids.getManager();
        long length = ids.getShape().get(1);
        NDArray positionIds = m.arange(0, (int) length, 1, DataType.INT64).expandDims(0);
        NDArray typeIds = m.zeros(ids.getShape(), DataType.INT64);
        return norm.forward(words.forward(ids).add(positions.forward(positionIds)).add(types.forward(typeIds)));
    }

    private static void checkPositionIds(NDArray ids, String key) {
        float[] values = ids.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != i) {
                throw new IllegalArgumentException(key + " is not 0, 1, 2, …; this checkpoint is not a standard BERT");
            }
        }
    }
}
