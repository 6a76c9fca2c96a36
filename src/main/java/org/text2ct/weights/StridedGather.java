package org.text2ct.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Copies a strided view of a storage into a new contiguous (row-major) buffer. */
final class StridedGather {
    private StridedGather() {
    }

    /** Whether the strides are row-major for the size, so the view is one contiguous run. Size-1 dims have any stride. */
    static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    /**
     * Gathers {@code numel} elements of {@code elementBytes} each; the caller has checked that every
     * index {@code offset + sum(i[d] * stride[d])} lies inside {@code storage}.
     */
    static ByteBuffer gather(ByteBuffer storage, int elementBytes, long offset, long[] size, long[] stride, int numel) {
        ByteBuffer out = ByteBuffer.allocate(numel * elementBytes).order(ByteOrder.LITTLE_ENDIAN);
        int dims = size.length;
        long[] index = new long[dims];
        long source = offset;
        for (int n = 0; n < numel; n++) {
            out.put(storage.slice((int) (source * elementBytes), elementBytes));
            // Advance the multi-index like an odometer, keeping the source position in step.
            for (int d = dims - 1; d >= 0; d--) {
                index[d]++;
                source += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                source -= stride[d] * size[d];
                index[d] = 0;
            }
        }
        return out.flip();
    }
}
