package org.text2ct.volume;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Converts raw voxel bytes to float planes and back, through a small buffer so that a plane
 * streams from or to any stream (plain or gzip) without holding the file in memory.
 * Stored values map to HU as {@code stored · slope + intercept}.
 */
final class RawVoxels {
    private static final int BUFFER_BYTES = 1 << 16;

    private final VoxelType type;
    private final ByteOrder order;
    private final double slope;
    private final double intercept;
    private final byte[] buffer = new byte[BUFFER_BYTES];

    RawVoxels(VoxelType type, ByteOrder order, double slope, double intercept) {
        this.type = type;
        this.order = order;
        this.slope = slope;
        this.intercept = intercept;
    }

    /** Fills {@code plane}; a stream that ends early is reported as truncated data of {@code file}. */
    void read(InputStream in, float[] plane, Path file, int z) throws IOException {
        int perChunk = BUFFER_BYTES / type.bytes();
        for (int start = 0; start < plane.length; start += perChunk) {
            int n = Math.min(perChunk, plane.length - start);
            int want = n * type.bytes();
            if (in.readNBytes(buffer, 0, want) < want) {
                throw new VolumeFormatException(file, "truncated voxel data: the file ends inside plane " + z);
            }
            ByteBuffer bb = ByteBuffer.wrap(buffer, 0, want).order(order);
            for (int i = 0; i < n; i++) {
                plane[start + i] = (float) (stored(bb) * slope + intercept);
            }
        }
    }

    private double stored(ByteBuffer bb) {
        return switch (type) {
            case UINT8 -> bb.get() & 0xff;
            case INT8 -> bb.get();
            case INT16 -> bb.getShort();
            case UINT16 -> bb.getShort() & 0xffff;
            case INT32 -> bb.getInt();
            case FLOAT32 -> bb.getFloat();
            case FLOAT64 -> bb.getDouble();
        };
    }

    /** Writes {@code plane}; integer types round and clamp to their range. */
    void write(OutputStream out, float[] plane) throws IOException {
        int perChunk = BUFFER_BYTES / type.bytes();
        for (int start = 0; start < plane.length; start += perChunk) {
            int n = Math.min(perChunk, plane.length - start);
            ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n * type.bytes()).order(order);
            for (int i = 0; i < n; i++) {
                put(bb, (plane[start + i] - intercept) / slope);
            }
            out.write(buffer, 0, n * type.bytes());
        }
    }

    private void put(ByteBuffer bb, double value) {
        double v = type.isInteger() ? Math.max(type.min(), Math.min(type.max(), Math.rint(value))) : value;
        switch (type) {
            case UINT8, INT8 -> bb.put((byte) (long) v);
            case INT16, UINT16 -> bb.putShort((short) (long) v);
            case INT32 -> bb.putInt((int) (long) v);
            case FLOAT32 -> bb.putFloat((float) v);
            case FLOAT64 -> bb.putDouble(v);
        }
    }
}
