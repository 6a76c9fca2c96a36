package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.IntensityScaling;

/**
 * A training volume preprocessed as the paper does: HU clipped to [−1000, 1000] and scaled to
 * [0, 1]. Voxels are kept x fastest (as NIfTI stores them) and handed to the networks as
 * [1, 1, X, Y, Z], the axis order the generation pipeline decodes to.
 */
public record TrainingVolume(String caseId, float[] unit, int nx, int ny, int nz, double[] spacing) {

    public static TrainingVolume of(String caseId, CtVolume hu) {
        CtVolume u = IntensityScaling.toUnitRange(hu);
        int plane = u.nx() * u.ny();
        float[] all = new float[Math.toIntExact(u.voxelCount())];
        for (int z = 0; z < u.nz(); z++) {
            System.arraycopy(u.plane(z), 0, all, z * plane, plane);
        }
        return new TrainingVolume(caseId, all, u.nx(), u.ny(), u.nz(), u.spacing());
    }

    public int[] size() {
        return new int[] {nx, ny, nz};
    }

    /** The box at {@code origin} of {@code size} voxels as [1, 1, sx, sy, sz]. */
    public NDArray patch(NDManager manager, int[] origin, int[] size) {
        float[] out = new float[size[0] * size[1] * size[2]];
        int i = 0;
        for (int x = 0; x < size[0]; x++) {
            for (int y = 0; y < size[1]; y++) {
                int base = origin[0] + x + nx * (origin[1] + y);
                for (int z = 0; z < size[2]; z++) {
                    out[i++] = unit[base + nx * ny * (origin[2] + z)];
                }
            }
        }
        return manager.create(out, new Shape(1, 1, size[0], size[1], size[2]));
    }

    public NDArray whole(NDManager manager) {
        return patch(manager, new int[3], size());
    }
}
