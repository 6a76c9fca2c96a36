package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.text2ct.nn.LayerNormLayer;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.MultiHeadAttention;
import org.text2ct.nn.ParamStore;

/**
 * timm's pre-norm transformer block: x + attn(norm1(x)), then x + mlp(norm2(x)) with exact GELU.
 * The fused {@code attn.qkv} weight [3W, W] is split into query, key and value rows.
 */
final class VitBlock {
    private final LayerNormLayer norm1;
    private final MultiHeadAttention attn;
    private final LayerNormLayer norm2;
    private final LinearLayer fc1;
    private final LinearLayer fc2;

    VitBlock(ParamStore p, String prefix, VitConfig c) {
        int w = c.width();
        norm1 = LayerNormLayer.load(p, prefix + ".norm1", w, VitConfig.NORM_EPS);
        NDArray qkvW = p.get(prefix + ".attn.qkv.weight", 3L * w, w);
        NDArray qkvB = p.get(prefix + ".attn.qkv.bias", 3L * w);
        LinearLayer[] qkv = new LinearLayer[3];
        for (int i = 0; i < 3; i++) {
            qkv[i] = LinearLayer.of(qkvW.get("{}:{}", i * w, (i + 1) * w), qkvB.get("{}:{}", i * w, (i + 1) * w));
        }
        LinearLayer proj = LinearLayer.load(p, prefix + ".attn.proj", w, w, true);
        int dimHead = w / c.heads();
        attn = MultiHeadAttention.of(qkv[0], qkv[1], qkv[2], proj, c.heads(), dimHead, (float) Math.pow(dimHead, -0.5));
        norm2 = LayerNormLayer.load(p, prefix + ".norm2", w, VitConfig.NORM_EPS);
        fc1 = LinearLayer.load(p, prefix + ".mlp.fc1", w, c.mlpDim(), true);
        fc2 = LinearLayer.load(p, prefix + ".mlp.fc2", c.mlpDim(), w, true);
    }

    NDArray forward(NDArray x) {
        NDArray h = x.add(attn.forward(norm1.forward(x), null));
        return h.add(fc2.forward(Activation.gelu(fc1.forward(norm2.forward(h)))));
    }
}
