package org.text2ct.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.text2ct.cache.CacheDir;

/**
 * A Hugging Face {@code tokenizer.json} run by the tokenizers library (through DJL), set up the
 * way a text encoder is fed: special tokens added as the file's post-processor defines them
 * (T5: {@code </s>} appended, no BOS; BERT: {@code [CLS] … [SEP]}), truncated to a fixed
 * length with the special tokens kept, and padded to that length ("max_length"). The pad id is
 * the file's (its padding block, else 0 — the pad id of T5 and PubMedBERT).
 */
public final class TextTokenizer implements AutoCloseable {
    /** T5 was trained on 512-token inputs; the paper's report prompts use up to that. */
    public static final int T5_MAX_LENGTH = 512;
    /** BiomedCLIP's text tower (PubMedBERT) takes 256 tokens. */
    public static final int BIOMEDCLIP_MAX_LENGTH = 256;

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    /**
     * @param tokenizerJson the model's {@code tokenizer.json}
     * @param maxLength every encoding has exactly this many tokens, special tokens included
     */
    public static TextTokenizer open(Path tokenizerJson, int maxLength) throws IOException {
        if (maxLength < 2) {
            throw new IllegalArgumentException("max length must leave room for a token and the special tokens, got "
                    + maxLength);
        }
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new NoSuchFileException(tokenizerJson.toString(), null, "tokenizer.json not found");
        }
        CacheDir.configureDjl();
        // modelMaxLength: DJL would otherwise cap maxLength at 512.
        Map<String, String> options = Map.of("addSpecialTokens", "true", "padding", "max_length",
                "truncation", "true", "maxLength", Integer.toString(maxLength),
                "modelMaxLength", Integer.toString(maxLength));
        try {
            return new TextTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options), maxLength);
        } catch (RuntimeException e) {
            throw new IOException("cannot read " + tokenizerJson + " as a Hugging Face tokenizer: " + e.getMessage(), e);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    /** The prompt's ids and mask, {@link #maxLength()} long. An empty prompt gives only the special tokens. */
    public TokenIds encode(String prompt) {
        if (prompt == null) {
            throw new IllegalArgumentException("prompt is null; use \"\" for the unconditional (empty) prompt");
        }
        Encoding e = tokenizer.encode(prompt);
        return new TokenIds(e.getIds(), e.getAttentionMask(), e.exceedMaxLength());
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
