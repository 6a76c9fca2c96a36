package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.ParamStore;

/**
 * T5 self-attention ({@code SelfAttention.q/k/v/o}, no biases): logits q·kᵀ are not scaled
 * (T5 folds the 1/√d into its initialisation), then the additive bias (relative positions plus
 * padding mask) is added before the softmax.
 */
final class T5Attention {
    private final LinearLayer q;
    private final LinearLayer k;
    private final LinearLayer v;
    private final LinearLayer o;
    private final int heads;
    private final int dKv;

    T5Attention(ParamStore p, String prefix, T5Config c) {
        int inner = c.innerDim();
        q = LinearLayer.load(p, prefix + ".q", c.dModel(), inner, false);
        k = LinearLayer.load(p, prefix + ".k", c.dModel(), inner, false);
        v = LinearLayer.load(p, prefix + ".v", c.dModel(), inner, false);
        o = LinearLayer.load(p, prefix + ".o", inner, c.dModel(), false);
        heads = c.numHeads();
        dKv = c.dKv();
    }

    /** x [B, L, d_model]; bias broadcastable to [B, heads, L, L]. Returns [B, L, d_model]. */
    NDArray forward(NDArray x, NDArray bias) {
        long b = x.getShape().get(0);
        long l = x.getShape().get(1);
        NDArray scores = splitHeads(q.forward(x)).matMul(splitHeads(k.forward(x)).transpose(0, 1, 3, 2));
        NDArray weights = scores.add(bias).softmax(-1);
        NDArray out = weights.matMul(splitHeads(v.forward(x)));
        return o.forward(out.transpose(0, 2, 1, 3).reshape(new Shape(b, l, (long) heads * dKv)));
    }

    private NDArray splitHeads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, dKv).transpose(0, 2, 1, 3);
    }
}
