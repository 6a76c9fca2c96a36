package org.text2ct.eval;

/**
 * Consecutive slices of one view as network input, laid out [slices, 3, rows, cols] row-major.
 * {@code firstSlice} is the index of the first slice along the view's slice axis.
 */
public record SliceBatch(View view, int firstSlice, int slices, int rows, int cols, float[] data) {
    public SliceBatch {
        if (data.length != (long) slices * 3 * rows * cols) {
            throw new IllegalArgumentException("slice batch [" + slices + ", 3, " + rows + ", " + cols
                    + "] needs " + (long) slices * 3 * rows * cols + " values, got " + data.length);
        }
    }

    public long[] shape() {
        return new long[] {slices, 3, rows, cols};
    }

    /** The value at [slice, channel, row, col], slice counted within this batch. */
    public float get(int slice, int channel, int row, int col) {
        return data[((slice * 3 + channel) * rows + row) * cols + col];
    }
}
