package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.GroupNorm;

/**
 * A block of the MAISI encoder or decoder expressed as slab stages: a single stage (a conv, the
 * upsampling conv, the final norm + conv) or a residual block (two stages, the second adding
 * the block's input). {@link #apply} frees its input once it is no longer needed.
 */
final class VaeBlock {
    private final SlabStage first;
    private final SlabStage second;

    private VaeBlock(SlabStage first, SlabStage second) {
        this.first = first;
        this.second = second;
    }

    static VaeBlock single(SlabStage stage) {
        return new VaeBlock(stage, null);
    }

    /** MaisiResBlock: GN → SiLU → conv1 → GN → SiLU → conv2, + (1×1 shortcut of) the input. */
    static VaeBlock residual(GroupNorm norm1, ConvLayer conv1, GroupNorm norm2, ConvLayer conv2, ConvLayer shortcut) {
        return new VaeBlock(new SlabStage(norm1, true, false, conv1, false, null),
                new SlabStage(norm2, true, false, conv2, true, shortcut));
    }

    VaeBlock permuted(int[] order) {
        return new VaeBlock(first.permuted(order), second == null ? null : second.permuted(order));
    }

    SlabTensor apply(SlabTensor in, StageRunner runner) {
        try (in) {
            if (second == null) {
                return runner.run(first, in, null);
            }
            try (SlabTensor h = runner.run(first, in, null)) {
                return runner.run(second, h, in);
            }
        }
    }

    /** The block on a whole tensor, differentiably (training). */
    NDArray forwardWhole(NDArray x) {
        NDArray h = first.forwardWhole(x, null);
        return second == null ? h : second.forwardWhole(h, x);
    }

    /** The stages, for memory planning. */
    SlabStage[] stages() {
        return second == null ? new SlabStage[] {first} : new SlabStage[] {first, second};
    }
}
