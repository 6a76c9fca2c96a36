package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import org.text2ct.nn.Activations;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.GroupNorm;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Resampling;
import org.text2ct.nn.Scopes;

/**
 * MONAI's DiffusionUNetResnetBlock: GN → SiLU → (nearest ×2 | avg-pool ½) → conv → + time
 * embedding → GN → SiLU → conv, plus a (1×1 conv) skip. Up/down variants implement
 * {@code resblock_updown}.
 */
final class UnetResBlock {
    enum Resample { NONE, UP, DOWN }

    private final GroupNorm norm1;
    private final ConvLayer conv1;
    private final LinearLayer timeEmbProj;
    private final GroupNorm norm2;
    private final ConvLayer conv2;
    private final ConvLayer skip;
    private final Resample resample;

    UnetResBlock(ParamStore p, String prefix, UnetConfig c, int in, int out, Resample resample) {
        norm1 = GroupNorm.load(p, prefix + ".norm1", c.normNumGroups(), in, c.normEps());
        conv1 = ConvLayer.load(p, prefix + ".conv1.conv", in, out, 3, 1, 1);
        timeEmbProj = LinearLayer.load(p, prefix + ".time_emb_proj", c.fullEmbedDim(), out, true);
        norm2 = GroupNorm.load(p, prefix + ".norm2", c.normNumGroups(), out, c.normEps());
        conv2 = ConvLayer.load(p, prefix + ".conv2.conv", out, out, 3, 1, 1);
        skip = in == out ? null : ConvLayer.load(p, prefix + ".skip_connection.conv", in, out, 1, 1, 0);
        this.resample = resample;
    }

    NDArray forward(NDArray input, NDArray emb) {
        return Scopes.run(input, x -> compute(x, emb));
    }

    private NDArray compute(NDArray x, NDArray emb) {
        NDArray h = Activations.silu(norm1.forward(x));
        if (resample == Resample.UP) {
            x = Resampling.nearestUp2(x);
            h = Resampling.nearestUp2(h);
        } else if (resample == Resample.DOWN) {
            x = Resampling.avgPool2(x);
            h = Resampling.avgPool2(h);
        }
        h = conv1.forward(h);
        NDArray t = timeEmbProj.forward(Activations.silu(emb));
        h = h.add(t.reshape(t.getShape().get(0), t.getShape().get(1), 1, 1, 1));
        h = conv2.forward(Activations.silu(norm2.forward(h)));
        return (skip == null ? x : skip.forward(x)).add(h);
    }
}
