package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.UnaryOperator;

/**
 * Frees a block's intermediate arrays as soon as the block returns. DJL attaches an op's result
 * to its first operand's manager, so without a scope every intermediate of a full-size UNet
 * forward would live until the caller's manager closes (tens of GB at 128×128×48).
 */
public final class Scopes {
    private Scopes() {
    }

    /** Runs {@code f} with {@code input} temporarily attached to a fresh sub-manager; keeps only the result. */
    public static NDArray run(NDArray input, UnaryOperator<NDArray> f) {
        NDManager parent = input.getManager();
        try (NDManager scope = parent.newSubManager()) {
            input.tempAttach(scope);
            NDArray out = f.apply(input);
            out.attach(parent);
            return out;
        }
    }
}
