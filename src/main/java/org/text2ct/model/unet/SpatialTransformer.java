package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.GroupNorm;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Scopes;

/** MONAI's SpatialTransformer: GN → 1×1 conv → transformer blocks over voxels as tokens → 1×1 conv, + input. */
final class SpatialTransformer implements AttentionLayer {
    private final GroupNorm norm;
    private final ConvLayer projIn;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final ConvLayer projOut;

    SpatialTransformer(ParamStore p, String prefix, UnetConfig c, int channels, int headChannels) {
        norm = GroupNorm.load(p, prefix + ".norm", c.normNumGroups(), channels, c.normEps());
        projIn = ConvLayer.load(p, prefix + ".proj_in.conv", channels, channels, 1, 1, 0);
        for (int i = 0; i < c.transformerNumLayers(); i++) {
            blocks.add(new TransformerBlock(p, prefix + ".transformer_blocks." + i, channels, channels / headChannels,
                    headChannels, c.crossAttentionDim(), c.includeFc()));
        }
        projOut = ConvLayer.load(p, prefix + ".proj_out.conv", channels, channels, 1, 1, 0);
    }

    @Override
    public NDArray forward(NDArray input, UnetContext context) {
        return Scopes.run(input, x -> compute(x, context));
    }

    private NDArray compute(NDArray x, UnetContext context) {
        Shape s = x.getShape();
        NDArray h = projIn.forward(norm.forward(x));
        h = h.transpose(0, 2, 3, 4, 1).reshape(s.get(0), s.get(2) * s.get(3) * s.get(4), s.get(1));
        for (TransformerBlock b : blocks) {
            h = b.forward(h, context);
        }
        h = h.reshape(s.get(0), s.get(2), s.get(3), s.get(4), s.get(1)).transpose(0, 4, 1, 2, 3);
        return projOut.forward(h).add(x);
    }
}
