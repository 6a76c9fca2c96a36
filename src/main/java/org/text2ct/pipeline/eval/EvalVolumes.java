package org.text2ct.pipeline.eval;

import org.text2ct.eval.FidInputScaling;
import org.text2ct.eval.Volume3;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.Orientation;

/**
 * The preprocessing that generated and reference volumes share before FID: orientation to RAS,
 * then HU clipped to [−1000, 1000] and scaled to [0, 1]. Volumes keep their own size: every
 * extractor pools its features over the slice, so sets of different sizes are comparable.
 */
final class EvalVolumes {
    private EvalVolumes() {
    }

    static Volume3 prepare(CtVolume volume) {
        CtVolume ras = Orientation.toRas(volume);
        int nx = ras.nx();
        int ny = ras.ny();
        float[] data = new float[Math.toIntExact(ras.voxelCount())];
        for (int z = 0; z < ras.nz(); z++) {
            System.arraycopy(ras.plane(z), 0, data, z * nx * ny, nx * ny);
        }
        return FidInputScaling.toUnitRange(new Volume3(nx, ny, ras.nz(), data));
    }
}
