package org.text2ct.model.vae;

import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.GroupNorm;
import org.text2ct.nn.ParamStore;

/**
 * Builds the MAISI encoder and decoder as lists of {@link VaeBlock}s, binding parameters by
 * MONAI's key names ({@code decoder.blocks.N…}; MaisiConvolution nests its conv two levels deep).
 */
final class VaeCoders {
    private VaeCoders() {
    }

    static List<VaeBlock> decoder(ParamStore p, VaeConfig c) {
        List<VaeBlock> blocks = new ArrayList<>();
        int[] ch = reversed(c.numChannels());
        int[] res = reversed(c.numResBlocks());
        blocks.add(VaeBlock.single(SlabStage.conv(conv(p, "post_quant_conv.conv", c.latentChannels(), c.latentChannels(), 1, 1, 0))));
        int idx = 0;
        blocks.add(VaeBlock.single(SlabStage.conv(maisiConv(p, "decoder", idx++, c.latentChannels(), ch[0], 3))));
        int in = ch[0];
        for (int level = 0; level < ch.length; level++) {
            for (int r = 0; r < res[level]; r++) {
                blocks.add(resBlock(p, c, "decoder.blocks." + idx++, in, ch[level]));
                in = ch[level];
            }
            if (level < ch.length - 1) {
                ConvLayer up = conv(p, "decoder.blocks." + idx++ + ".conv.conv.conv", in, in, 3, 1, 1);
                blocks.add(VaeBlock.single(new SlabStage(null, false, true, up, false, null)));
            }
        }
        blocks.add(finalBlock(p, c, "decoder", idx, in, c.outChannels()));
        return blocks;
    }

    static List<VaeBlock> encoder(ParamStore p, VaeConfig c) {
        List<VaeBlock> blocks = new ArrayList<>();
        int[] ch = c.numChannels();
        int idx = 0;
        blocks.add(VaeBlock.single(SlabStage.conv(maisiConv(p, "encoder", idx++, c.inChannels(), ch[0], 3))));
        int in = ch[0];
        for (int level = 0; level < ch.length; level++) {
            for (int r = 0; r < c.numResBlocks()[level]; r++) {
                blocks.add(resBlock(p, c, "encoder.blocks." + idx++, in, ch[level]));
                in = ch[level];
            }
            if (level < ch.length - 1) {
                ConvLayer down = conv(p, "encoder.blocks." + idx++ + ".conv.conv.conv", in, in, 3, 2, 0);
                blocks.add(VaeBlock.single(SlabStage.conv(down)));
            }
        }
        blocks.add(finalBlock(p, c, "encoder", idx, in, c.latentChannels()));
        return blocks;
    }

    /** The closing GroupNorm followed directly by a conv: no SiLU between them in MAISI. */
    private static VaeBlock finalBlock(ParamStore p, VaeConfig c, String part, int idx, int in, int out) {
        GroupNorm norm = GroupNorm.load(p, part + ".blocks." + idx, c.normNumGroups(), in, c.normEps());
        ConvLayer conv = maisiConv(p, part, idx + 1, in, out, 3);
        return VaeBlock.single(new SlabStage(norm, false, false, conv, false, null));
    }

    private static VaeBlock resBlock(ParamStore p, VaeConfig c, String prefix, int in, int out) {
        return VaeBlock.residual(
                GroupNorm.load(p, prefix + ".norm1", c.normNumGroups(), in, c.normEps()),
                conv(p, prefix + ".conv1.conv.conv", in, out, 3, 1, 1),
                GroupNorm.load(p, prefix + ".norm2", c.normNumGroups(), out, c.normEps()),
                conv(p, prefix + ".conv2.conv.conv", out, out, 3, 1, 1),
                in == out ? null : conv(p, prefix + ".nin_shortcut.conv.conv", in, out, 1, 1, 0));
    }

    private static ConvLayer maisiConv(ParamStore p, String part, int idx, int in, int out, int k) {
        return conv(p, part + ".blocks." + idx + ".conv.conv", in, out, k, 1, k / 2);
    }

    static ConvLayer conv(ParamStore p, String prefix, int in, int out, int k, int stride, int pad) {
        return ConvLayer.load(p, prefix, in, out, k, stride, pad);
    }

    private static int[] reversed(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
