package org.text2ct.model.features;

/**
 * A torchvision-style bottleneck ResNet: a 7×7 stride-2 stem of {@code width} channels and 3×3
 * stride-2 max pool, then four stages of {@code blocks[i]} bottlenecks with {@code width · 2^i}
 * inner channels and {@code width · 2^i · expansion} outputs (stride 2 on the 3×3 convolution of
 * each later stage's first block, "ResNet v1.5"). Torchvision's ResNet-50 is {@link #RESNET50};
 * smaller ones share the code path for tests.
 */
public record ResNetConfig(int[] blocks, int width, int expansion) {
    public static final ResNetConfig RESNET50 = new ResNetConfig(new int[] {3, 4, 6, 3}, 64, 4);

    public ResNetConfig {
        if (blocks.length != 4) {
            throw new IllegalArgumentException("a ResNet has 4 stages, got " + blocks.length + " block counts");
        }
        for (int b : blocks) {
            if (b < 1) {
                throw new IllegalArgumentException("every stage needs at least one block, got " + java.util.Arrays.toString(blocks));
            }
        }
        if (width < 1 || expansion < 1) {
            throw new IllegalArgumentException("width and expansion must be >= 1, got " + width + " and " + expansion);
        }
        blocks = blocks.clone();
    }

    /** The length of the pooled feature vector: the last stage's output channels. */
    public int featureDim() {
        return width * 8 * expansion;
    }
}
