package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.Activations;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.GroupNorm;
import org.text2ct.nn.PaddingMask;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Scopes;

/**
 * MONAI's DiffusionModelUNetMaisi: time (+ class) embedding, optional body-region and spacing
 * embeddings concatenated to it, conv in, down levels, a middle block with attention, up levels
 * with skip connections, and GN → SiLU → conv out. With {@link UnetConfig#positionInput()} the
 * first convolution also sees the voxel coordinates.
 */
public final class MaisiUnet {
    private final UnetConfig config;
    private final ConvLayer convIn;
    private final EmbeddingMlp timeEmbed;
    private final NDArray classEmbedding;
    private final EmbeddingMlp topRegion;
    private final EmbeddingMlp bottomRegion;
    private final EmbeddingMlp spacing;
    private final List<UnetLevel> downs = new ArrayList<>();
    private final UnetResBlock midRes1;
    private final AttentionLayer midAttention;
    private final UnetResBlock midRes2;
    private final List<UnetLevel> ups = new ArrayList<>();
    private final GroupNorm outNorm;
    private final ConvLayer outConv;

    /** Binds every parameter from {@code p}; call {@link ParamStore#checkStrict()} afterwards. */
    public MaisiUnet(UnetConfig c, ParamStore p) {
        config = c;
        int[] ch = c.numChannels();
        int t = c.timeEmbedDim();
        convIn = ConvLayer.load(p, "conv_in.conv", c.convInChannels(), ch[0], 3, 1, 1);
        timeEmbed = new EmbeddingMlp(p, "time_embed", ch[0], t);
        classEmbedding = c.numClassEmbeds() == null ? null : p.get("class_embedding.weight", c.numClassEmbeds(), t);
        topRegion = c.includeTopRegionIndexInput() ? new EmbeddingMlp(p, "top_region_index_layer", 4, t) : null;
        bottomRegion = c.includeBottomRegionIndexInput() ? new EmbeddingMlp(p, "bottom_region_index_layer", 4, t) : null;
        spacing = c.includeSpacingInput() ? new EmbeddingMlp(p, "spacing_layer", 3, t) : null;
        int in = ch[0];
        for (int level = 0; level < c.levels(); level++) {
            downs.add(UnetLevel.down(p, c, level, in));
            in = ch[level];
        }
        int deepest = ch[c.levels() - 1];
        midRes1 = new UnetResBlock(p, "middle_block.resnet_1", c, deepest, deepest, UnetResBlock.Resample.NONE);
        int heads = c.numHeadChannels()[c.levels() - 1];
        midAttention = c.withConditioning()
                ? new SpatialTransformer(p, "middle_block.attention", c, deepest, heads)
                : new SpatialSelfAttention(p, "middle_block.attention", c, deepest, heads);
        midRes2 = new UnetResBlock(p, "middle_block.resnet_2", c, deepest, deepest, UnetResBlock.Resample.NONE);
        int prev = deepest;
        for (int i = 0; i < c.levels(); i++) {
            ups.add(UnetLevel.up(p, c, i, prev));
            prev = ch[c.levels() - 1 - i];
        }
        outNorm = GroupNorm.load(p, "out.0", c.normNumGroups(), ch[0], c.normEps());
        outConv = ConvLayer.load(p, "out.2.conv", ch[0], c.outChannels(), 3, 1, 1);
    }

    public UnetConfig config() {
        return config;
    }

    /** The network's prediction (noise, velocity or flow, as it was trained), shaped like {@code x}. */
    public NDArray forward(UnetInputs in) {
        checkInputs(in);
        NDArray emb = embedding(in);
        UnetContext context = new UnetContext(in.context(),
                in.contextMask() == null ? null : PaddingMask.toBias(in.contextMask()));
        List<NDArray> skips = new ArrayList<>();
        NDArray h = convIn.forward(config.positionInput() ? PositionChannels.append(in.x()) : in.x());
        skips.add(h);
        for (UnetLevel level : downs) {
            h = level.down(h, emb, context, skips);
        }
        h = midRes2.forward(midAttention.forward(midRes1.forward(h, emb), context), emb);
        for (UnetLevel level : ups) {
            h = level.up(h, emb, context, skips);
        }
        return Scopes.run(h, x -> outConv.forward(Activations.silu(outNorm.forward(x))));
    }

    private NDArray embedding(UnetInputs in) {
        NDArray emb = timeEmbed.forward(TimestepEmbedding.sinusoidal(in.timesteps(), config.numChannels()[0]));
        if (classEmbedding != null) {
            emb = emb.add(lookup(classEmbedding, in.classLabels()));
        }
        NDList parts = new NDList(emb);
        if (topRegion != null) {
            parts.add(topRegion.forward(in.topRegion()));
        }
        if (bottomRegion != null) {
            parts.add(bottomRegion.forward(in.bottomRegion()));
        }
        if (spacing != null) {
            parts.add(spacing.forward(in.spacing()));
        }
        return parts.size() == 1 ? emb : ai.djl.ndarray.NDArrays.concat(parts, 1);
    }

    /** Embedding rows for integer labels (as a one-hot product, so the rows land in the labels' scope). */
    private static NDArray lookup(NDArray table, NDArray labels) {
        long[] ids = labels.toType(DataType.INT64, false).toLongArray();
        int rows = (int) table.getShape().get(0);
        float[] oneHot = new float[ids.length * rows];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= rows) {
                throw new IllegalArgumentException("class label " + ids[i] + " is outside 0.." + (rows - 1)
                        + " (num_class_embeds = " + rows + ")");
            }
            oneHot[i * rows + (int) ids[i]] = 1f;
        }
        return labels.getManager().create(oneHot, new ai.djl.ndarray.types.Shape(ids.length, rows)).matMul(table);
    }

    private void checkInputs(UnetInputs in) {
        long[] s = in.x().getShape().getShape();
        int factor = 1 << (config.levels() - 1);
        if (s.length != 5 || s[1] != config.inChannels()) {
            throw new IllegalArgumentException("UNet input must be [B, " + config.inChannels() + ", X, Y, Z], got "
                    + in.x().getShape());
        }
        for (int i = 2; i < 5; i++) {
            if (s[i] % factor != 0) {
                throw new IllegalArgumentException("latent size " + in.x().getShape() + " must be divisible by "
                        + factor + " in every spatial axis (" + (config.levels() - 1) + " downsamplings)");
            }
        }
        require(config.withConditioning(), in.context(), "context (text embedding)");
        require(config.numClassEmbeds() != null, in.classLabels(), "class_labels");
        require(config.includeTopRegionIndexInput(), in.topRegion(), "top_region_index");
        require(config.includeBottomRegionIndexInput(), in.bottomRegion(), "bottom_region_index");
        require(config.includeSpacingInput(), in.spacing(), "spacing");
    }

    private static void require(boolean needed, NDArray given, String name) {
        if (needed && given == null) {
            throw new IllegalArgumentException("this UNet needs the input " + name);
        }
    }
}
