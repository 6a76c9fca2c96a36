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

    /** Closes each full-size intermediate as soon as the next one exists, to bound memory at 128×128×48. */
    private NDArray compute(NDArray x, NDArray emb) {
        NDArray normed = norm1.forward(x);
        NDArray h = Activations.silu(normed);
        normed.close();
        if (resample == Resample.UP) {
            x = Resampling.nearestUp2(x);
            h = swap(h, Resampling.nearestUp2(h));
        } else if (resample == Resample.DOWN) {
            x = Resampling.avgPool2(x);
            h = swap(h, Resampling.avgPool2(h));
        }
        h = swap(h, conv1.forward(h));
        NDArray t = timeEmbProj.forward(Activations.silu(emb));
        h.addi(t.reshape(t.getShape().get(0), t.getShape().get(1), 1, 1, 1));
        NDArray n2 = norm2.forward(h);
        h.close();
        h = swap(n2, Activations.silu(n2));
        NDArray out = swap(h, conv2.forward(h));
        return out.addi(skip == null ? x : skip.forward(x));
    }

    /** Frees {@code old} and returns {@code next}. */
    private static NDArray swap(NDArray old, NDArray next) {
        old.close();
        return next;
    }
}
