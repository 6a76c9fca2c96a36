package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.SplitOptions;

/**
 * Features from a model package's own VAE encoder, so FID runs without any downloaded network.
 *
 * <p>Each slice becomes a thin 3D volume: its channel mean (the three channels differ only by a
 * constant shift) repeated {@code downFactor} times along z, with rows and columns padded by edge
 * replication to a multiple of {@code downFactor}. The encoder's latent mean is then [4, h, w, 1];
 * for each pooling grid g in {@link #GRIDS} the latent plane is cut into g×g cells and every cell
 * gives the mean and standard deviation of each latent channel. The vector is therefore
 * {@code 2 · latentChannels · Σ g²} long whatever the slice size, and keeps coarse spatial layout.
 */
public final class VaeLatentFeatures implements ImageFeatureNetwork {
    /** Pooling grids: the whole plane, then quadrants. */
    static final int[] GRIDS = {1, 2};

    private final MaisiVae vae;
    private final int channels;
    private final int factor;

    public VaeLatentFeatures(MaisiVae vae) {
        this.vae = vae;
        this.channels = vae.config().latentChannels();
        this.factor = vae.config().downFactor();
    }

    @Override
    public int featureDim() {
        int cells = 0;
        for (int g : GRIDS) {
            cells += g * g;
        }
        return 2 * channels * cells;
    }

    @Override
    public NDArray features(NDArray images) {
        long[] s = images.getShape().getShape();
        if (s.length != 4 || s[1] != 3) {
            throw new IllegalArgumentException("images must be [N, 3, H, W], got " + images.getShape());
        }
        int h = (int) Math.ceil((double) s[2] / factor);
        int w = (int) Math.ceil((double) s[3] / factor);
        int largest = GRIDS[GRIDS.length - 1];
        if (h < largest || w < largest) {
            throw new IllegalArgumentException("slices of " + s[2] + " x " + s[3] + " give a latent of " + h + " x " + w
                    + ", smaller than the " + largest + " x " + largest + " pooling grid; need at least "
                    + largest * factor + " voxels per side");
        }
        NDArray gray = images.mean(new int[] {1}, true);
        NDArray padded = padEdge(padEdge(gray, 2, h * factor), 3, w * factor);
        NDArray thin = padded.expandDims(4).repeat(4, factor);
        float[] latent = vae.encode(thin, SplitOptions.of(1, 0)).mean().toFloatArray();
        int n = (int) s[0];
        float[] out = new float[n * featureDim()];
        for (int i = 0; i < n; i++) {
            pool(latent, i * channels * h * w, h, w, out, i * featureDim());
        }
        return images.getManager().create(out, new Shape(n, featureDim()));
    }

    /** Repeats the last row (axis 2) or column (axis 3) until the axis has {@code size} entries. */
    private static NDArray padEdge(NDArray x, int axis, long size) {
        long have = x.getShape().get(axis);
        if (have == size) {
            return x;
        }
        String last = axis == 2 ? ":, :, -1:, :" : ":, :, :, -1:";
        return x.concat(x.get(last).repeat(axis, size - have), axis);
    }

    /** Cell means and standard deviations of one item's latent [channels, h, w] (z of length 1). */
    private void pool(float[] latent, int base, int h, int w, float[] out, int at) {
        int k = at;
        for (int g : GRIDS) {
            for (int c = 0; c < channels; c++) {
                int plane = base + c * h * w;
                for (int cr = 0; cr < g; cr++) {
                    for (int cc = 0; cc < g; cc++) {
                        double sum = 0;
                        double sq = 0;
                        int r0 = cr * h / g;
                        int r1 = (cr + 1) * h / g;
                        int c0 = cc * w / g;
                        int c1 = (cc + 1) * w / g;
                        for (int r = r0; r < r1; r++) {
                            for (int col = c0; col < c1; col++) {
                                double v = latent[plane + r * w + col];
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
}
