package org.text2ct.eval;

/**
 * Feature vectors, one per row, stored row-major: {@code data[row * cols + col]}. One row is one
 * sample (for 2.5D FID, one slice).
 */
public record FeatureSet(int rows, int cols, float[] data) {
    public FeatureSet {
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("feature set needs rows >= 0 and cols >= 1, got " + rows + " x " + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("feature set of " + rows + " x " + cols + " needs "
                    + (long) rows * cols + " values, got " + data.length);
        }
    }

    /** Copies rows of equal length into one row-major array. */
    public static FeatureSet of(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("feature set has no rows");
        }
        int cols = rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("feature row " + r + " has " + rows[r].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new FeatureSet(rows.length, cols, data);
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }
}
