package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Turns an attention mask (1 for real tokens, 0 for padding) into the additive logit bias that
 * Hugging Face encoders use: 0 for real keys, the most negative float32 for padded keys, so that
 * padded keys get zero attention weight.
 */
public final class PaddingMask {
    private PaddingMask() {
    }

    /** mask [B, L] → bias [B, 1, 1, L], broadcastable over heads and queries. */
    public static NDArray toBias(NDArray mask) {
        NDArray padded = mask.toType(DataType.FLOAT32, false).neg().add(1f);
        return padded.mul(-Float.MAX_VALUE).expandDims(1).expandDims(1);
    }
}
