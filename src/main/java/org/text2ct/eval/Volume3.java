package org.text2ct.eval;

/**
 * A float volume indexed [x, y, z] in RAS orientation (MONAI's array layout), stored with x fastest:
 * {@code data[x + nx * (y + ny * z)]}. That is NIfTI's and ImageJ's order, so an axial plane (fixed z)
 * is one contiguous run of nx·ny values.
 */
public record Volume3(int nx, int ny, int nz, float[] data) {
    public Volume3 {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("volume size must be positive, got " + nx + " x " + ny + " x " + nz);
        }
        if (data.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException("volume of " + nx + " x " + ny + " x " + nz + " needs "
                    + (long) nx * ny * nz + " values, got " + data.length);
        }
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    public float get(int x, int y, int z) {
        return data[index(x, y, z)];
    }

    /** The extent along axis 0 (x), 1 (y) or 2 (z). */
    public int size(int axis) {
        return switch (axis) {
            case 0 -> nx;
            case 1 -> ny;
            case 2 -> nz;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
    }

    /** How far apart in {@code data} two neighbours along the axis are. */
    public int stride(int axis) {
        return switch (axis) {
            case 0 -> 1;
            case 1 -> nx;
            case 2 -> nx * ny;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
    }
}
