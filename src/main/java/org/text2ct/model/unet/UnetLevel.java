package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Resampling;

/**
 * One resolution level of the UNet, going down or up: residual blocks, each optionally followed
 * by attention, then a down- or up-sampler (a conv or, with {@code resblock_updown}, a
 * residual block). Down levels record each output for the skip connections; up levels consume them.
 */
final class UnetLevel {
    private final List<UnetResBlock> resnets = new ArrayList<>();
    private final List<AttentionLayer> attentions = new ArrayList<>();
    private final UnetResBlock resampleBlock;
    private final ConvLayer resampleConv;

    private UnetLevel(UnetResBlock resampleBlock, ConvLayer resampleConv) {
        this.resampleBlock = resampleBlock;
        this.resampleConv = resampleConv;
    }

    static UnetLevel down(ParamStore p, UnetConfig c, int level, int in) {
        String prefix = "down_blocks." + level;
        int out = c.numChannels()[level];
        boolean last = level == c.levels() - 1;
        UnetLevel l = last ? new UnetLevel(null, null)
                : c.resblockUpdown()
                        ? new UnetLevel(new UnetResBlock(p, prefix + ".downsampler", c, out, out,
                                UnetResBlock.Resample.DOWN), null)
                        : new UnetLevel(null, ConvLayer.load(p, prefix + ".downsampler.op.conv", out, out, 3, 2, 1));
        for (int i = 0; i < c.numResBlocks()[level]; i++) {
            l.resnets.add(new UnetResBlock(p, prefix + ".resnets." + i, c, i == 0 ? in : out, out,
                    UnetResBlock.Resample.NONE));
            l.addAttention(p, c, prefix + ".attentions." + i, level, out);
        }
        return l;
    }

    /** @param i index among up levels (0 = deepest) */
    static UnetLevel up(ParamStore p, UnetConfig c, int i, int prevOut) {
        String prefix = "up_blocks." + i;
        int levels = c.levels();
        int level = levels - 1 - i;
        int out = c.numChannels()[level];
        int skipIn = c.numChannels()[Math.max(level - 1, 0)];
        boolean last = i == levels - 1;
        UnetLevel l = last ? new UnetLevel(null, null)
                : c.resblockUpdown()
                        ? new UnetLevel(new UnetResBlock(p, prefix + ".upsampler", c, out, out,
                                UnetResBlock.Resample.UP), null)
                        : new UnetLevel(null, ConvLayer.load(p, prefix + ".upsampler.postconv.conv", out, out, 3, 1, 1));
        int blocks = c.numResBlocks()[level] + 1;
        for (int j = 0; j < blocks; j++) {
            int resIn = (j == 0 ? prevOut : out) + (j == blocks - 1 ? skipIn : out);
            l.resnets.add(new UnetResBlock(p, prefix + ".resnets." + j, c, resIn, out, UnetResBlock.Resample.NONE));
            l.addAttention(p, c, prefix + ".attentions." + j, level, out);
        }
        return l;
    }

    private void addAttention(ParamStore p, UnetConfig c, String prefix, int level, int channels) {
        if (!c.attentionLevels()[level]) {
            attentions.add(null);
        } else if (c.withConditioning()) {
            attentions.add(new SpatialTransformer(p, prefix, c, channels, c.numHeadChannels()[level]));
        } else {
            attentions.add(new SpatialSelfAttention(p, prefix, c, channels, c.numHeadChannels()[level]));
        }
    }

    /** Down pass: appends every intermediate output to {@code skips}. */
    NDArray down(NDArray h, NDArray emb, UnetContext context, List<NDArray> skips) {
        for (int i = 0; i < resnets.size(); i++) {
            h = attend(i, resnets.get(i).forward(h, emb), context);
            skips.add(h);
        }
        if (resampleBlock != null || resampleConv != null) {
            h = resampleBlock != null ? resampleBlock.forward(h, emb) : resampleConv.forward(h);
            skips.add(h);
        }
        return h;
    }

    /** Up pass: takes skip tensors from the end of {@code skips}. */
    NDArray up(NDArray h, NDArray emb, UnetContext context, List<NDArray> skips) {
        for (int i = 0; i < resnets.size(); i++) {
            NDArray skip = skips.remove(skips.size() - 1);
            h = attend(i, resnets.get(i).forward(h.concat(skip, 1), emb), context);
        }
        if (resampleBlock != null) {
            h = resampleBlock.forward(h, emb);
        } else if (resampleConv != null) {
            h = resampleConv.forward(Resampling.nearestUp2(h));
        }
        return h;
    }

    private NDArray attend(int i, NDArray h, UnetContext context) {
        AttentionLayer a = attentions.get(i);
        return a == null ? h : a.forward(h, context);
    }
}
