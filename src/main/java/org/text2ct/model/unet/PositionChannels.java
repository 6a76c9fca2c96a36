package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Three channels holding each voxel's coordinate along X, Y and Z, scaled to (−1, 1) at voxel
 * centres, appended to the UNet's input. Convolutions are translation-equivariant and a nearly
 * symmetric chest gives them little to tell left from right, so a prompt's "left" had no place to
 * go; with the coordinates, cross-attention can tie a side word to a side of the volume.
 * Coordinates are relative to the volume, so they mean the same at any latent size.
 */
public final class PositionChannels {
    public static final int COUNT = 3;

    private PositionChannels() {
    }

    /** {@code x} [B, C, X, Y, Z] with the coordinate channels after its own: [B, C + 3, X, Y, Z]. */
    public static NDArray append(NDArray x) {
        long[] s = x.getShape().getShape();
        return x.concat(grid(x, s[2], s[3], s[4]).repeat(0, s[0]), 1);
    }

    /**
     * The coordinates of an [X, Y, Z] grid as [1, 3, X, Y, Z], on {@code like}'s manager and in its
     * data type.
     */
    public static NDArray grid(NDArray like, long nx, long ny, long nz) {
        int plane = Math.toIntExact(nx * ny * nz);
        float[] v = new float[COUNT * plane];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (int k = 0; k < nz; k++) {
                    int at = (int) ((i * ny + j) * nz + k);
                    v[at] = centre(i, nx);
                    v[plane + at] = centre(j, ny);
                    v[2 * plane + at] = centre(k, nz);
                }
            }
        }
        return like.getManager().create(v, new Shape(1, COUNT, nx, ny, nz)).toType(like.getDataType(), false);
    }

    private static float centre(int i, long n) {
        return (2f * i + 1f) / n - 1f;
    }
}
