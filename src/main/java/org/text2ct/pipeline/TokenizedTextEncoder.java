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
 * cross-attends to every token, padding included, as the reference pipelines do.
 */
final class TokenizedTextEncoder implements TextConditioner {
    private final TextTokenizer tokenizer;
    private final BiFunction<NDArray, NDArray, NDArray> network;
    private final int dimension;

    TokenizedTextEncoder(TextTokenizer tokenizer, BiFunction<NDArray, NDArray, NDArray> network, int dimension) {
        this.tokenizer = tokenizer;
        this.network = network;
        this.dimension = dimension;
    }

    @Override
    public NDArray encode(String text, NDManager manager) {
        TokenIds t = tokenizer.encode(text);
        Shape shape = new Shape(1, t.inputIds().length);
        return network.apply(manager.create(t.inputIds(), shape), manager.create(t.attentionMask(), shape));
    }

    @Override
    public int dimension() {
        return dimension;
    }
}
