package org.text2ct.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Turns prompt text into the UNet's context sequence [1, L, D] (T5, BiomedCLIP's text tower, …). */
public interface TextConditioner {
    PromptContext encode(String text, NDManager manager);

    /** Channels D of the context. */
    int dimension();
}
