package org.text2ct.pipeline.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.text2ct.model.features.VitConfig;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/**
 * The ViT sizes that open_clip's config leaves to the timm model name (width, depth, patch, MLP
 * width), read from the image tower's tensors; image size, embedding width and head width come
 * from the config. Strict binding then checks every other tensor against them.
 */
final class VitShapes {
    static final String CLS_TOKEN = "visual.trunk.cls_token";
    static final String PATCH_WEIGHT = "visual.trunk.patch_embed.proj.weight";
    static final String FC1_WEIGHT = "visual.trunk.blocks.0.mlp.fc1.weight";
    private static final Pattern BLOCK = Pattern.compile("visual\\.trunk\\.blocks\\.(\\d+)\\..*");

    private VitShapes() {
    }

    static VitConfig config(StateDict dict, OpenClipConfig c) {
        int width = dim(dict, CLS_TOKEN, 3, 2);
        int layers = 0;
        for (String k : dict.keys()) {
            Matcher m = BLOCK.matcher(k);
            if (m.matches()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        if (width % c.headWidth() != 0) {
            throw new IllegalArgumentException(dict.source() + ": image tower width " + width
                    + " is not a multiple of vision_cfg.head_width " + c.headWidth());
        }
        try {
            return new VitConfig(c.imageSize(), dim(dict, PATCH_WEIGHT, 4, 2), width, layers, width / c.headWidth(),
                    dim(dict, FC1_WEIGHT, 2, 0), c.embedDim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dict.source() + ": the image tower's tensors and "
                    + BiomedClipCheckpoint.CONFIG + " disagree: " + e.getMessage(), e);
        }
    }

    /** Size {@code axis} of a tensor that must exist with {@code rank} dimensions. */
    private static int dim(StateDict dict, String key, int rank, int axis) {
        TensorData t = dict.get(key);
        if (t == null || t.shape().length != rank) {
            throw new IllegalArgumentException(dict.source() + ": " + (t == null ? "has no " + key
                    : key + " has " + t.shape().length + " dimensions, not " + rank)
                    + "; this is not an open_clip BiomedCLIP state dict (its image tower keys start with visual.trunk.)");
        }
        return Math.toIntExact(t.shape()[axis]);
    }
}
