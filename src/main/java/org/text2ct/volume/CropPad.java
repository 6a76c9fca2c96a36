package org.text2ct.volume;

/**
 * Crops or pads a volume to a target size around the body: the centre of the voxels above
 * −500 HU (air and the table's surroundings fall below). Padding is air, −1000 HU. The
 * {@link Placement} records where the window sat, so {@link #restore} puts a result back.
 */
public final class CropPad {
    public static final float BODY_THRESHOLD_HU = -500f;
    public static final float PAD_HU = -1000f;

    private CropPad() {
    }

    /** The window's first voxel in the source grid (may be negative: padding) and the source size. */
    public record Placement(int[] start, int[] sourceSize) {
    }

    public static Placement placement(CtVolume volume, int[] size) {
        double[] centre = bodyCentre(volume);
        int[] n = volume.size();
        int[] start = new int[3];
        for (int a = 0; a < 3; a++) {
            if (size[a] < 1) {
                throw new IllegalArgumentException("target size must be positive, got " + size[a] + " on axis " + a);
            }
            int s = (int) Math.round(centre[a] - (size[a] - 1) / 2.0);
            // Keep the window inside the volume when cropping, and the volume inside the window when padding.
            int lo = Math.min(0, n[a] - size[a]);
            int hi = Math.max(0, n[a] - size[a]);
            start[a] = Math.max(lo, Math.min(hi, s));
        }
        return new Placement(start, n);
    }

    /** The voxel-index centre of the voxels above −500 HU, or the volume's centre when there are none. */
    static double[] bodyCentre(CtVolume v) {
        double[] sum = new double[3];
        long count = 0;
        for (int z = 0; z < v.nz(); z++) {
            float[] p = v.plane(z);
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    if (p[x + y * v.nx()] > BODY_THRESHOLD_HU) {
                        sum[0] += x;
                        sum[1] += y;
                        sum[2] += z;
                        count++;
                    }
                }
            }
        }
        if (count == 0) {
            return new double[] {(v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, (v.nz() - 1) / 2.0};
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    /** The window of {@code size} voxels at the body centre, padded with −1000 HU. */
    public static CtVolume apply(CtVolume volume, int[] size) {
        return window(volume, placement(volume, size).start(), size, PAD_HU);
    }

    /** A cropped/padded volume put back onto its source grid; voxels it did not cover become {@code fill}. */
    public static CtVolume restore(CtVolume cropped, Placement placement, float fill) {
        int[] start = placement.start();
        return window(cropped, new int[] {-start[0], -start[1], -start[2]}, placement.sourceSize(), fill);
    }

    /** Voxels {@code start .. start+size} of {@code v}, out-of-range ones set to {@code fill}; world positions kept. */
    static CtVolume window(CtVolume v, int[] start, int[] size, float fill) {
        double[] origin = v.toWorld(start[0], start[1], start[2]);
        CtVolume out = CtVolume.filled(size[0], size[1], size[2], fill, v.spacing(), origin, v.direction());
        for (int z = 0; z < size[2]; z++) {
            int sz = z + start[2];
            if (sz < 0 || sz >= v.nz()) {
                continue;
            }
            float[] src = v.plane(sz);
            float[] dst = out.plane(z);
            int x0 = Math.max(0, -start[0]);
            int x1 = Math.min(size[0], v.nx() - start[0]);
            for (int y = 0; y < size[1]; y++) {
                int sy = y + start[1];
                if (sy >= 0 && sy < v.ny() && x1 > x0) {
                    System.arraycopy(src, sy * v.nx() + x0 + start[0], dst, y * size[0] + x0, x1 - x0);
                }
            }
        }
        return out;
    }
}
