package org.text2ct.pipeline;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.volume.CtVolume;

/**
 * The decoder's [1, 1, X, Y, Z] output in [0, 1] as a CtVolume in Hounsfield units,
 * HU = v·2000 − 1000 (the paper's scaling of [−1000, 1000]), clipped to that range. Axes are the
 * RAS axes of the training data, so the direction is the identity.
 */
public final class LatentToVolume {
    private LatentToVolume() {
    }

    public static CtVolume toHu(NDArray decoded, double[] spacing) {
        long[] s = decoded.getShape().getShape();
        int nx = (int) s[2];
        int ny = (int) s[3];
        int nz = (int) s[4];
        float[] zyx = decoded.reshape(nx, ny, nz).transpose(2, 1, 0).clip(0f, 1f).mul(2000f).sub(1000f).toFloatArray();
        List<float[]> planes = new ArrayList<>(nz);
        int plane = nx * ny;
        for (int z = 0; z < nz; z++) {
            float[] p = new float[plane];
            System.arraycopy(zyx, z * plane, p, 0, plane);
            planes.add(p);
        }
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        return CtVolume.ofPlanes(planes, nx, ny, spacing, new double[3], identity);
    }
}
