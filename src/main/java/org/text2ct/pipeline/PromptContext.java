package org.text2ct.pipeline;

import ai.djl.ndarray.NDArray;

/**
 * An encoded prompt as the UNet takes it: per-token states [1, L, D] and, for a model trained to
 * skip padded tokens, their attention mask [1, L] (1 real, 0 padding); null mask: attend to all.
 */
public record PromptContext(NDArray states, NDArray mask) {

    /** Zero states of the same shape (MAISI's null context), attending to every token. */
    PromptContext zeros() {
        return new PromptContext(states.zerosLike(), mask == null ? null : mask.onesLike());
    }
}
