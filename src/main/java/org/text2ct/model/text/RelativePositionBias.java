package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.nn.EmbeddingTable;
import org.text2ct.nn.ParamStore;

/**
 * The learned per-head bias for each relative-position bucket. T5 stores it in the first
 * block's attention only; the encoder computes it once and every block adds the same bias.
 */
final class RelativePositionBias {
    private final EmbeddingTable table;
    private final RelativePositionBuckets buckets;

    RelativePositionBias(ParamStore p, String key, T5Config c) {
        table = EmbeddingTable.load(p, key, c.relativeAttentionNumBuckets(), c.numHeads());
        buckets = new RelativePositionBuckets(c.relativeAttentionNumBuckets(), c.relativeAttentionMaxDistance());
    }

    /** The bias [1, heads, length, length] for queries (rows) against keys (columns). */
    NDArray forward(NDManager m, int length) {
        NDArray ids = m.create(buckets.matrix(length), new Shape(length, length));
        return table.forward(ids).transpose(2, 0, 1).expandDims(0);
    }
}
