package org.text2ct.train.phantom;

/**
 * Voxel grid of a phantom volume.
 *
 * <p>Layout: {@code data[x + nx * (y + ny * z)]}, x fastest. Orientation is RAS: x grows towards the
 * patient's Left, y towards Anterior, z towards Superior, so a low x index is the patient's right
 * and a left-sided finding lies at {@code x > nx / 2}. World coordinates in millimetres have their
 * origin at the centre of the grid.
 */
public record PhantomGrid(int nx, int ny, int nz, double sx, double sy, double sz) {

    /** Size of the demo model: 5 mm slices so that 64 slices cover apices to bases. */
    public static final PhantomGrid DEMO = new PhantomGrid(128, 128, 64, 3, 3, 5);

    /** Smallest edge that still resolves lungs, heart and spine. */
    public static final int MIN_SIZE = 16;

    public PhantomGrid {
        if (nx < MIN_SIZE || ny < MIN_SIZE || nz < MIN_SIZE) {
            throw new IllegalArgumentException(
                    "grid must be at least " + MIN_SIZE + " voxels per axis, got " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " exceeds one Java array");
        }
        if (!(sx > 0 && sy > 0 && sz > 0) || Double.isInfinite(sx + sy + sz)) {
            throw new IllegalArgumentException("spacing must be finite and > 0, got " + sx + "," + sy + "," + sz);
        }
    }

    public static PhantomGrid of(int nx, int ny, int nz, double[] spacingMm) {
        if (spacingMm == null || spacingMm.length != 3) {
            throw new IllegalArgumentException("spacing needs three values (x, y, z) in mm");
        }
        return new PhantomGrid(nx, ny, nz, spacingMm[0], spacingMm[1], spacingMm[2]);
    }

    public int size() {
        return nx * ny * nz;
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    public double[] spacing() {
        return new double[] {sx, sy, sz};
    }

    /** Field of view along z in mm; the anatomy is fitted to it craniocaudally. */
    public double heightMm() {
        return nz * sz;
    }

    public double xMm(int x) {
        return (x - (nx - 1) / 2.0) * sx;
    }

    public double yMm(int y) {
        return (y - (ny - 1) / 2.0) * sy;
    }

    public double zMm(int z) {
        return (z - (nz - 1) / 2.0) * sz;
    }

    /** World position (x, y, z in mm) of a voxel's centre. */
    public double[] worldMm(int index) {
        return new double[] {xMm(index % nx), yMm(index / nx % ny), zMm(index / (nx * ny))};
    }

    /** Voxel index nearest to a world x in mm, clamped to the grid. */
    public int xIndex(double mm) {
        return clamp((int) Math.round(mm / sx + (nx - 1) / 2.0), nx);
    }

    public int yIndex(double mm) {
        return clamp((int) Math.round(mm / sy + (ny - 1) / 2.0), ny);
    }

    public int zIndex(double mm) {
        return clamp((int) Math.round(mm / sz + (nz - 1) / 2.0), nz);
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
