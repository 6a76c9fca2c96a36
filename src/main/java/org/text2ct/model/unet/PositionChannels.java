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
        int nx = (int) s[2];
        int ny = (int) s[3];
        int nz = (int) s[4];
        int plane = nx * ny * nz;
        float[] v = new float[COUNT * plane];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (int k = 0; k < nz; k++) {
                    int at = (i * ny + j) * nz + k;
                    v[at] = centre(i, nx);
                    v[plane + at] = centre(j, ny);
                    v[2 * plane + at] = centre(k, nz);
                }
            }
        }
        NDArray coords = x.getManager().create(v, new Shape(1, COUNT, nx, ny, nz)).toType(x.getDataType(), false)
                .repeat(0, s[0]);
        return x.concat(coords, 1);
    }

    private static float centre(int i, int n) {
        return (2f * i + 1f) / n - 1f;
    }
}
