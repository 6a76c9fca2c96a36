package org.text2ct.text;

/**
 * One prompt as a text encoder takes it: token ids and the attention mask (1 real, 0 padding),
 * same length; {@code truncated} says the prompt had more tokens than fit, so callers can warn.
 */
public record TokenIds(long[] inputIds, long[] attentionMask, boolean truncated) {
    public TokenIds {
        if (inputIds.length != attentionMask.length) {
            throw new IllegalArgumentException("input ids (" + inputIds.length + ") and attention mask ("
                    + attentionMask.length + ") differ in length");
        }
    }

    public int length() {
        return inputIds.length;
    }

    /** Tokens that are not padding, special tokens included. */
    public int realTokens() {
        int n = 0;
        for (long m : attentionMask) {
            n += (int) m;
        }
        return n;
    }
}
