package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.MultiHeadAttention;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.RmsNorm;

/**
 * One T5 encoder block, pre-norm: x + attention(norm(x)) as {@code layer.0}, then
 * x + feed-forward(norm(x)) as {@code layer.1}. The attention ({@code SelfAttention.q/k/v/o},
 * no biases) does not scale its logits (T5 folds 1/√d into its initialisation) and adds the
 * encoder's shared bias (relative positions plus padding mask).
 */
final class T5Block {
    private final RmsNorm attentionNorm;
    private final MultiHeadAttention attention;
    private final RmsNorm feedForwardNorm;
    private final T5FeedForward feedForward;

    T5Block(ParamStore p, String prefix, T5Config c) {
        attentionNorm = RmsNorm.load(p, prefix + ".layer.0.layer_norm", c.dModel(), c.layerNormEpsilon());
        attention = selfAttention(p, prefix + ".layer.0.SelfAttention", c);
        feedForwardNorm = RmsNorm.load(p, prefix + ".layer.1.layer_norm", c.dModel(), c.layerNormEpsilon());
        feedForward = new T5FeedForward(p, prefix + ".layer.1.DenseReluDense", c);
    }

    /** x [B, L, d_model]; bias [B, heads, L, L] (relative positions plus padding mask). */
    NDArray forward(NDArray x, NDArray bias) {
        NDArray h = x.add(attention.forward(attentionNorm.forward(x), null, bias));
        return h.add(feedForward.forward(feedForwardNorm.forward(h)));
    }

    private static MultiHeadAttention selfAttention(ParamStore p, String prefix, T5Config c) {
        int inner = c.innerDim();
        return MultiHeadAttention.of(LinearLayer.load(p, prefix + ".q", c.dModel(), inner, false),
                LinearLayer.load(p, prefix + ".k", c.dModel(), inner, false),
                LinearLayer.load(p, prefix + ".v", c.dModel(), inner, false),
                LinearLayer.load(p, prefix + ".o", inner, c.dModel(), false), c.numHeads(), c.dKv(), 1f);
    }
}
