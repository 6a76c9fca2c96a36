package org.text2ct.volume;

/** Separable Gaussian smoothing with per-axis sigma in voxels; edges repeat the border voxel. */
public final class GaussianBlur {
    private GaussianBlur() {
    }

    /** A smoothed copy; axes with sigma ≤ 0 are left alone. */
    public static CtVolume blur(CtVolume volume, double[] sigma) {
        CtVolume out = CtVolume.like(volume);
        for (int z = 0; z < volume.nz(); z++) {
            System.arraycopy(volume.plane(z), 0, out.plane(z), 0, volume.nx() * volume.ny());
        }
        int[] n = volume.size();
        for (int axis = 0; axis < 3; axis++) {
            if (sigma[axis] > 0) {
                blurAxis(out, axis, kernel(sigma[axis]), n);
            }
        }
        return out;
    }

    private static float[] kernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double w = Math.exp(-0.5 * i * i / (sigma * sigma));
            k[i + radius] = (float) w;
            sum += w;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return k;
    }

    /** Convolves every line along {@code axis} in place. */
    private static void blurAxis(CtVolume v, int axis, float[] k, int[] n) {
        int radius = k.length / 2;
        int len = n[axis];
        float[] line = new float[len];
        int[] idx = new int[3];
        int a1 = axis == 0 ? 1 : 0;
        int a2 = axis == 2 ? 1 : 2;
        for (int j = 0; j < n[a2]; j++) {
            for (int i = 0; i < n[a1]; i++) {
                idx[a1] = i;
                idx[a2] = j;
                for (int t = 0; t < len; t++) {
                    idx[axis] = t;
                    line[t] = v.get(idx[0], idx[1], idx[2]);
                }
                for (int t = 0; t < len; t++) {
                    double acc = 0;
                    for (int r = -radius; r <= radius; r++) {
                        acc += k[r + radius] * line[Math.max(0, Math.min(len - 1, t + r))];
                    }
                    idx[axis] = t;
                    v.set(idx[0], idx[1], idx[2], (float) acc);
                }
            }
        }
    }
}
