package org.text2ct.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.BiFunction;
import org.text2ct.text.TextTokenizer;
import org.text2ct.text.TokenIds;

/**
 * A text conditioner made of a Hugging Face tokenizer and a text network that maps ids and mask
 * to per-token states [1, L, D] (T5's encoder, or BiomedCLIP's text tower): the UNet
 * cross-attends to every token, padding included, as the reference pipelines do, unless the model
 * was trained to skip padding ({@code maskPadding}), when the tokens' mask goes with the states.
 */
final class TokenizedTextEncoder implements TextConditioner {
    private final TextTokenizer tokenizer;
    private final BiFunction<NDArray, NDArray, NDArray> network;
    private final int dimension;
    private final boolean maskPadding;

    TokenizedTextEncoder(TextTokenizer tokenizer, BiFunction<NDArray, NDArray, NDArray> network, int dimension,
            boolean maskPadding) {
        this.tokenizer = tokenizer;
        this.network = network;
        this.dimension = dimension;
        this.maskPadding = maskPadding;
    }

    @Override
    public PromptContext encode(String text, NDManager manager) {
        TokenIds t = tokenizer.encode(text);
        Shape shape = new Shape(1, t.inputIds().length);
        NDArray mask = manager.create(t.attentionMask(), shape);
        return new PromptContext(network.apply(manager.create(t.inputIds(), shape), mask), maskPadding ? mask : null);
    }

    @Override
    public int dimension() {
        return dimension;
    }
}
