package org.text2ct.model.text;

/**
 * Picks the rows of a [B, L, width] encoder output at real (unpadded) tokens. Rows at padded
 * positions are computed but meaningless, so comparisons against a reference use only these.
 */
public final class MaskedRows {
    private MaskedRows() {
    }

    /** hidden: [B, L, width] row-major; mask: [B, L], non-zero at real tokens. */
    public static float[] keep(float[] hidden, long[] mask, int width) {
        if (hidden.length != (long) mask.length * width) {
            throw new IllegalArgumentException("hidden state of " + hidden.length + " values does not fit a mask of "
                    + mask.length + " positions with width " + width);
        }
        int rows = 0;
        for (long m : mask) {
            rows += m != 0 ? 1 : 0;
        }
        float[] out = new float[rows * width];
        int next = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                System.arraycopy(hidden, i * width, out, next * width, width);
                next++;
            }
        }
        return out;
    }
}
