package org.text2ct.volume;

import org.ejml.simple.SimpleMatrix;

/**
 * Resamples a volume onto a grid with the same direction: another spacing, size and origin.
 * Trilinear for CT, with a Gaussian prefilter when downsampling so that thin structures do not
 * alias (sigma = (factor − 1) / 2 source voxels, as scikit-image's anti-aliasing); nearest
 * neighbour for label maps, which must not blend labels.
 */
public final class Resampler {
    /** How target voxels take their value from the source. */
    public enum Interpolation { LINEAR, NEAREST }

    private Resampler() {
    }

    /** The volume at {@code spacing} (mm), covering the same extent from the same first voxel centre. */
    public static CtVolume toSpacing(CtVolume volume, double[] spacing, Interpolation interpolation, float fill) {
        int[] n = volume.size();
        double[] s = volume.spacing();
        int[] size = new int[3];
        double[] sigma = new double[3];
        for (int a = 0; a < 3; a++) {
            if (!(spacing[a] > 0) || Double.isInfinite(spacing[a])) {
                throw new IllegalArgumentException("target spacing must be finite and > 0, got " + spacing[a] + " on axis " + a);
            }
            size[a] = (int) Math.max(1, Math.round(n[a] * s[a] / spacing[a]));
            sigma[a] = Math.max(0, (spacing[a] / s[a] - 1) / 2);
        }
        boolean smooth = interpolation == Interpolation.LINEAR && (sigma[0] > 0 || sigma[1] > 0 || sigma[2] > 0);
        CtVolume source = smooth ? GaussianBlur.blur(volume, sigma) : volume;
        return onto(source, size, spacing, volume.origin(), interpolation, fill);
    }

    /**
     * Values of {@code volume} on the grid (size, spacing, origin; the volume's direction).
     * Target voxels more than half a voxel outside the source get {@code fill}.
     */
    public static CtVolume onto(CtVolume volume, int[] size, double[] spacing, double[] origin, Interpolation interpolation, float fill) {
        double[] s = volume.spacing();
        double[] shift = sourceIndexOf(volume, origin);
        int[] n = volume.size();
        int[][] lo = new int[3][];
        float[][] w = new float[3][];
        boolean[][] inside = new boolean[3][];
        for (int a = 0; a < 3; a++) {
            lo[a] = new int[size[a]];
            w[a] = new float[size[a]];
            inside[a] = new boolean[size[a]];
            for (int t = 0; t < size[a]; t++) {
                double x = shift[a] + t * spacing[a] / s[a];
                inside[a][t] = x >= -0.5 - 1e-9 && x <= n[a] - 0.5 + 1e-9;
                double c = Math.max(0, Math.min(n[a] - 1, x));
                if (interpolation == Interpolation.NEAREST) {
                    lo[a][t] = (int) Math.round(c);
                } else {
                    lo[a][t] = Math.min((int) Math.floor(c), Math.max(0, n[a] - 2));
                    w[a][t] = (float) (c - lo[a][t]);
                }
            }
        }
        CtVolume out = CtVolume.filled(size[0], size[1], size[2], fill, spacing, origin, volume.direction());
        for (int z = 0; z < size[2]; z++) {
            if (!inside[2][z]) {
                continue;
            }
            float[] dst = out.plane(z);
            for (int y = 0; y < size[1]; y++) {
                if (!inside[1][y]) {
                    continue;
                }
                for (int x = 0; x < size[0]; x++) {
                    if (inside[0][x]) {
                        dst[x + y * size[0]] = interpolation == Interpolation.NEAREST
                                ? volume.get(lo[0][x], lo[1][y], lo[2][z])
                                : trilinear(volume, lo[0][x], lo[1][y], lo[2][z], w[0][x], w[1][y], w[2][z]);
                    }
                }
            }
        }
        return out;
    }

    /** The source voxel index (fractional) at world position {@code world}. */
    private static double[] sourceIndexOf(CtVolume volume, double[] world) {
        double[][] a = volume.affine();
        SimpleMatrix m = new SimpleMatrix(3, 3);
        SimpleMatrix d = new SimpleMatrix(3, 1);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m.set(r, c, a[r][c]);
            }
            d.set(r, 0, world[r] - a[r][3]);
        }
        SimpleMatrix idx = m.solve(d);
        return new double[] {idx.get(0), idx.get(1), idx.get(2)};
    }

    private static float trilinear(CtVolume v, int x, int y, int z, float wx, float wy, float wz) {
        int x1 = Math.min(x + 1, v.nx() - 1);
        int y1 = Math.min(y + 1, v.ny() - 1);
        int z1 = Math.min(z + 1, v.nz() - 1);
        float c00 = lerp(v.get(x, y, z), v.get(x1, y, z), wx);
        float c10 = lerp(v.get(x, y1, z), v.get(x1, y1, z), wx);
        float c01 = lerp(v.get(x, y, z1), v.get(x1, y, z1), wx);
        float c11 = lerp(v.get(x, y1, z1), v.get(x1, y1, z1), wx);
        return lerp(lerp(c00, c10, wy), lerp(c01, c11, wy), wz);
    }

    private static float lerp(float a, float b, float t) {
        return t == 0 ? a : a + (b - a) * t;
    }
}
