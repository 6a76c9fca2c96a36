package org.text2ct.model.features;

/**
 * A timm VisionTransformer as open_clip's TimmModel wraps it for BiomedCLIP
 * ({@code vit_base_patch16_224}, pool "" = class token, {@code proj: linear} without bias):
 * {@link #BIOMEDCLIP} is the released size; tests use small ones with the same code path.
 */
public record VitConfig(int imageSize, int patchSize, int width, int layers, int heads, int mlpDim, int embedDim) {
    public static final VitConfig BIOMEDCLIP = new VitConfig(224, 16, 768, 12, 12, 3072, 512);
    /** timm's ViT LayerNorm epsilon. */
    public static final float NORM_EPS = 1e-6f;

    public VitConfig {
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("image size " + imageSize + " must be a multiple of the patch size " + patchSize);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " must be divisible by heads " + heads);
        }
    }

    public int patches() {
        int side = imageSize / patchSize;
        return side * side;
    }
}
