package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.RmsNorm;

/**
 * One T5 encoder block, pre-norm: x + attention(norm(x)) as {@code layer.0}, then
 * x + feed-forward(norm(x)) as {@code layer.1}.
 */
final class T5Block {
    private final RmsNorm attentionNorm;
    private final T5Attention attention;
    private final RmsNorm feedForwardNorm;
    private final T5FeedForward feedForward;

    T5Block(ParamStore p, String prefix, T5Config c) {
        attentionNorm = RmsNorm.load(p, prefix + ".layer.0.layer_norm", c.dModel(), c.layerNormEpsilon());
        attention = new T5Attention(p, prefix + ".layer.0.SelfAttention", c);
        feedForwardNorm = RmsNorm.load(p, prefix + ".layer.1.layer_norm", c.dModel(), c.layerNormEpsilon());
        feedForward = new T5FeedForward(p, prefix + ".layer.1.DenseReluDense", c);
    }

    /** x [B, L, d_model]; bias [B, heads, L, L] (relative positions plus padding mask). */
    NDArray forward(NDArray x, NDArray bias) {
        NDArray h = x.add(attention.forward(attentionNorm.forward(x), bias));
        return h.add(feedForward.forward(feedForwardNorm.forward(h)));
    }
}
