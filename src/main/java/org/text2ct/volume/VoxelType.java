package org.text2ct.volume;

/** Voxel storage types that the readers and writers convert to and from float. */
public enum VoxelType {
    UINT8(1, 0, 255),
    INT8(1, -128, 127),
    INT16(2, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT16(2, 0, 65535),
    INT32(4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    FLOAT32(4, -Float.MAX_VALUE, Float.MAX_VALUE),
    FLOAT64(8, -Double.MAX_VALUE, Double.MAX_VALUE);

    private final int bytes;
    private final double min;
    private final double max;

    VoxelType(int bytes, double min, double max) {
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    public int bytes() {
        return bytes;
    }

    /** Smallest storable value. */
    public double min() {
        return min;
    }

    /** Largest storable value. */
    public double max() {
        return max;
    }

    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }
}
