package org.text2ct.eval;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Turns a volume into the 2.5D FID network input of one view, batch by batch so that a
 * 512×512×192 volume never has all its 3-channel slices in memory at once.
 *
 * <p>As MAISI's {@code radimagenet_intensity_normalisation} (norm2d off): every slice is repeated
 * into 3 channels; the whole stack is min–max normalised with one min and one max (those of the
 * whole volume, since a view's slices cover every voxel), {@code (v − min) / (max − min + 1e-10)};
 * then {@link #CHANNEL_MEANS} are subtracted per channel. A constant volume therefore normalises
 * to 0 and gives {@code −CHANNEL_MEANS[c]} everywhere instead of dividing by zero.
 */
public final class ViewSlicer implements Iterator<SliceBatch> {
    /** Subtracted from channels 0, 1, 2: ImageNet means in the B, G, R order RadImageNet uses. */
    public static final float[] CHANNEL_MEANS = {0.406f, 0.456f, 0.485f};
    /** MAISI's guard against a zero range; negligible next to any real range. */
    static final float RANGE_EPSILON = 1e-10f;

    private final Volume3 volume;
    private final View view;
    private final int batchSize;
    private final float min;
    private final float scale;
    private int next;

    public ViewSlicer(Volume3 volume, View view, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.volume = volume;
        this.view = view;
        this.batchSize = batchSize;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        float[] data = volume.data();
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("volume voxel " + coordinates(i) + " is " + v);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.min = lo;
        this.scale = 1f / (hi - lo + RANGE_EPSILON);
    }

    private String coordinates(int i) {
        int nx = volume.nx();
        int ny = volume.ny();
        return "(x=" + i % nx + ", y=" + (i / nx) % ny + ", z=" + i / (nx * ny) + ")";
    }

    @Override
    public boolean hasNext() {
        return next < view.slices(volume);
    }

    @Override
    public SliceBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(view + " has " + view.slices(volume) + " slices, all returned");
        }
        int first = next;
        int count = Math.min(batchSize, view.slices(volume) - first);
        int rows = view.rows(volume);
        int cols = view.cols(volume);
        int sliceStride = volume.stride(view.sliceAxis());
        int rowStride = volume.stride(view.rowAxis());
        int colStride = volume.stride(view.colAxis());
        float[] src = volume.data();
        float[] out = new float[count * 3 * rows * cols];
        int plane = rows * cols;
        for (int s = 0; s < count; s++) {
            int base = (first + s) * sliceStride;
            int dst = s * 3 * plane;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = (src[base + r * rowStride + c * colStride] - min) * scale;
                    int p = dst + r * cols + c;
                    out[p] = v - CHANNEL_MEANS[0];
                    out[p + plane] = v - CHANNEL_MEANS[1];
                    out[p + 2 * plane] = v - CHANNEL_MEANS[2];
                }
            }
        }
        next = first + count;
        return new SliceBatch(view, first, count, rows, cols, out);
    }
}
