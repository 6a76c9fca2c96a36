package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.text2ct.nn.LayerNormLayer;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.MultiHeadAttention;
import org.text2ct.nn.ParamStore;

/**
 * One BERT encoder layer, post-norm: x = LN(x + attention(x)), then
 * x = LN(x + output(gelu(intermediate(x)))), with Hugging Face's key names
 * ({@code attention.self.query/key/value}, {@code attention.output.dense/LayerNorm},
 * {@code intermediate.dense}, {@code output.dense/LayerNorm}). GELU is the exact (erf) form.
 */
final class BertLayer {
    private final MultiHeadAttention attention;
    private final LayerNormLayer attentionNorm;
    private final LinearLayer intermediate;
    private final LinearLayer output;
    private final LayerNormLayer outputNorm;

    BertLayer(ParamStore p, String prefix, BertConfig c) {
        int h = c.hiddenSize();
        String self = prefix + ".attention.self";
        attention = MultiHeadAttention.of(LinearLayer.load(p, self + ".query", h, h, true),
                LinearLayer.load(p, self + ".key", h, h, true), LinearLayer.load(p, self + ".value", h, h, true),
                LinearLayer.load(p, prefix + ".attention.output.dense", h, h, true), c.numAttentionHeads(),
                c.headDim(), (float) Math.pow(c.headDim(), -0.5));
        attentionNorm = LayerNormLayer.load(p, prefix + ".attention.output.LayerNorm", h, c.layerNormEps());
        intermediate = LinearLayer.load(p, prefix + ".intermediate.dense", h, c.intermediateSize(), true);
        output = LinearLayer.load(p, prefix + ".output.dense", c.intermediateSize(), h, true);
        outputNorm = LayerNormLayer.load(p, prefix + ".output.LayerNorm", h, c.layerNormEps());
    }

    /** x [B, L, hidden]; maskBias [B, 1, 1, L] from the padding mask. */
    NDArray forward(NDArray x, NDArray maskBias) {
        NDArray h = attentionNorm.forward(x.add(attention.forward(x, null, maskBias)));
        return outputNorm.forward(h.add(output.forward(Activation.gelu(intermediate.forward(h)))));
    }
}
