package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import org.text2ct.nn.Activations;
import org.text2ct.nn.LayerNormLayer;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.MultiHeadAttention;
import org.text2ct.nn.ParamStore;

/**
 * MONAI's DiffusionUNetTransformerBlock: pre-norm self-attention, cross-attention to the text
 * context, and a GEGLU feed-forward, each with a residual. {@code include_fc} gives the
 * self-attention an output projection; the cross-attention always has one.
 * {@code upcast_attention} computes attention in float32, which it already is here.
 */
final class TransformerBlock {
    private static final float LAYER_NORM_EPS = 1e-5f;

    private final LayerNormLayer norm1;
    private final MultiHeadAttention attn1;
    private final LayerNormLayer norm2;
    private final MultiHeadAttention attn2;
    private final LayerNormLayer norm3;
    private final LinearLayer ffIn;
    private final LinearLayer ffOut;

    TransformerBlock(ParamStore p, String prefix, int channels, int heads, int headChannels, int contextDim,
            boolean includeFc) {
        norm1 = LayerNormLayer.load(p, prefix + ".norm1", channels, LAYER_NORM_EPS);
        attn1 = MultiHeadAttention.load(p, prefix + ".attn1", channels, channels, heads, headChannels, false, includeFc);
        norm2 = LayerNormLayer.load(p, prefix + ".norm2", channels, LAYER_NORM_EPS);
        attn2 = MultiHeadAttention.load(p, prefix + ".attn2", channels, contextDim, heads, headChannels, false, true);
        norm3 = LayerNormLayer.load(p, prefix + ".norm3", channels, LAYER_NORM_EPS);
        ffIn = LinearLayer.load(p, prefix + ".ff.linear1", channels, channels * 8, true);
        ffOut = LinearLayer.load(p, prefix + ".ff.linear2", channels * 4, channels, true);
    }

    NDArray forward(NDArray x, UnetContext context) {
        x = attn1.forward(norm1.forward(x), null).add(x);
        x = attn2.forward(norm2.forward(x), context.states(), context.keyBias()).add(x);
        return ffOut.forward(Activations.geglu(ffIn.forward(norm3.forward(x)))).add(x);
    }
}
