package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.Conv2dLayer;
import org.text2ct.nn.LayerNormLayer;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Scopes;

/**
 * BiomedCLIP's image tower under open_clip's key names: {@code visual.trunk.*} is timm's
 * VisionTransformer (patch embedding, class token, learned position embedding, pre-norm blocks,
 * final norm), pooled by the class token, then {@code visual.head.proj} (linear, no bias) to the
 * shared embedding space.
 */
public final class VisionTransformer {
    static final String TRUNK = "visual.trunk.";

    private final VitConfig config;
    private final Conv2dLayer patchEmbed;
    private final NDArray clsToken;
    private final NDArray posEmbed;
    private final List<VitBlock> blocks = new ArrayList<>();
    private final LayerNormLayer norm;
    private final LinearLayer proj;

    /** Binds every parameter from {@code p}; call {@link ParamStore#checkStrict()} afterwards. */
    public VisionTransformer(VitConfig c, ParamStore p) {
        this.config = c;
        patchEmbed = Conv2dLayer.load(p, TRUNK + "patch_embed.proj", 3, c.width(), c.patchSize(), c.patchSize(), 0, true);
        clsToken = p.get(TRUNK + "cls_token", 1, 1, c.width());
        posEmbed = p.get(TRUNK + "pos_embed", 1, c.patches() + 1, c.width());
        for (int i = 0; i < c.layers(); i++) {
            blocks.add(new VitBlock(p, TRUNK + "blocks." + i, c));
        }
        norm = LayerNormLayer.load(p, TRUNK + "norm", c.width(), VitConfig.NORM_EPS);
        proj = LinearLayer.load(p, "visual.head.proj", c.width(), c.embedDim(), false);
    }

    public VitConfig config() {
        return config;
    }

    /** Image embeddings [N, embedDim] of normalised images [N, 3, imageSize, imageSize]. */
    public NDArray embed(NDArray images) {
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != config.imageSize() || s.get(3) != config.imageSize()) {
            throw new IllegalArgumentException("images must be [N, 3, " + config.imageSize() + ", " + config.imageSize()
                    + "], got " + s);
        }
        long n = s.get(0);
        NDArray x = Scopes.run(images, im -> {
            NDArray patches = patchEmbed.forward(im).reshape(n, config.width(), config.patches()).transpose(0, 2, 1);
            // Built from the batch's own array so it belongs to this scope, not to the parameters' manager.
            NDArray cls = patches.get(":, 0:1, :").zerosLike().add(clsToken);
            return cls.concat(patches, 1).add(posEmbed);
        });
        for (VitBlock b : blocks) {
            x = Scopes.run(x, b::forward);
        }
        return proj.forward(norm.forward(x).get(":, 0, :"));
    }
}
