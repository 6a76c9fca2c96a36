package org.text2ct.model.features;

/**
 * Fixed-length vectors from latent slices: for each pooling grid g in {@link #GRIDS} the slice is
 * cut into g×g cells and every cell gives the mean and standard deviation of each latent channel,
 * so the vector keeps coarse spatial layout and has {@code 2 · C · Σ g²} entries whatever the size.
 */
public final class LatentPooling {
    /** The whole slice, then quadrants. */
    static final int[] GRIDS = {1, 2};

    private LatentPooling() {
    }

    public static int featureDim(int channels) {
        int cells = 0;
        for (int g : GRIDS) {
            cells += g * g;
        }
        return 2 * channels * cells;
    }

    /**
     * One row per latent slice along {@code sliceAxis} of a latent [C, n0, n1, n2] stored row-major
     * (as {@code NDArray.toFloatArray} gives it); {@code rowAxis} and {@code colAxis} lay out the slice.
     */
    public static float[] pool(float[] latent, int channels, int[] sizes, int sliceAxis, int rowAxis, int colAxis) {
        int[] strides = {sizes[1] * sizes[2], sizes[2], 1};
        int channelStride = sizes[0] * sizes[1] * sizes[2];
        int rows = sizes[rowAxis];
        int cols = sizes[colAxis];
        int largest = GRIDS[GRIDS.length - 1];
        if (rows < largest || cols < largest) {
            throw new IllegalArgumentException("latent slices of " + rows + " x " + cols + " are smaller than the "
                    + largest + " x " + largest + " pooling grid; the volume is too small for vae-latent features");
        }
        int dim = featureDim(channels);
        float[] out = new float[sizes[sliceAxis] * dim];
        int k = 0;
        for (int s = 0; s < sizes[sliceAxis]; s++) {
            for (int g : GRIDS) {
                for (int c = 0; c < channels; c++) {
                    int base = c * channelStride + s * strides[sliceAxis];
                    for (int cr = 0; cr < g; cr++) {
                        for (int cc = 0; cc < g; cc++) {
                            double sum = 0;
                            double sq = 0;
                            int r0 = cr * rows / g;
                            int r1 = (cr + 1) * rows / g;
                            int c0 = cc * cols / g;
                            int c1 = (cc + 1) * cols / g;
                            for (int r = r0; r < r1; r++) {
                                for (int col = c0; col < c1; col++) {
                                    double v = latent[base + r * strides[rowAxis] + col * strides[colAxis]];
                                    sum += v;
                                    sq += v * v;
                                }
                            }
                            int count = (r1 - r0) * (c1 - c0);
                            double mean = sum / count;
                            out[k++] = (float) mean;
                            out[k++] = (float) Math.sqrt(Math.max(0, sq / count - mean * mean));
                        }
                    }
                }
            }
        }
        return out;
    }
}
