package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.text2ct.nn.GroupNorm;
import org.text2ct.nn.MultiHeadAttention;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Scopes;

/** MONAI's SpatialAttentionBlock (levels with attention but no text): GN → self-attention over voxels, + input. */
final class SpatialSelfAttention implements AttentionLayer {
    private final GroupNorm norm;
    private final MultiHeadAttention attn;

    SpatialSelfAttention(ParamStore p, String prefix, UnetConfig c, int channels, int headChannels) {
        norm = GroupNorm.load(p, prefix + ".norm", c.normNumGroups(), channels, c.normEps());
        attn = MultiHeadAttention.load(p, prefix + ".attn", channels, channels, channels / headChannels, headChannels,
                true, c.includeFc());
    }

    @Override
    public NDArray forward(NDArray input, UnetContext context) {
        return Scopes.run(input, this::compute);
    }

    private NDArray compute(NDArray x) {
        Shape s = x.getShape();
        NDArray h = norm.forward(x).reshape(s.get(0), s.get(1), -1).transpose(0, 2, 1);
        h = attn.forward(h, null);
        return h.transpose(0, 2, 1).reshape(s).add(x);
    }
}
