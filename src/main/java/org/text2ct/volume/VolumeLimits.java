package org.text2ct.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Size checks made before any voxel memory is allocated, so a bad header fails with a message, not an OutOfMemoryError. */
final class VolumeLimits {
    /** No CT axis comes near this; larger values mean a corrupt or misread header. */
    static final long MAX_DIM = 1 << 20;

    private VolumeLimits() {
    }

    /** Checks dims and returns the voxel count; one z-plane must fit a Java array. */
    static long checkDims(Path file, long nx, long ny, long nz) throws VolumeFormatException {
        long[] dims = {nx, ny, nz};
        for (int i = 0; i < 3; i++) {
            if (dims[i] < 1 || dims[i] > MAX_DIM) {
                throw new VolumeFormatException(file, "dimension " + (i + 1) + " is " + dims[i] + " (must be 1.." + MAX_DIM + ")");
            }
        }
        long plane = nx * ny;
        if (plane > Integer.MAX_VALUE - 8) {
            throw new VolumeFormatException(file, "a plane of " + nx + "x" + ny + " voxels is too large for one array");
        }
        return plane * nz;
    }

    /** Fails unless the float voxels of this many voxels fit in the memory Java may still use. */
    static void checkMemory(Path file, long voxels) throws VolumeFormatException {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = voxels * Float.BYTES;
        if (needed > available) {
            throw new VolumeFormatException(file, String.format(
                    "needs %,d MB for %,d voxels but only %,d MB of Java memory is free (raise -Xmx)",
                    needed >> 20, voxels, available >> 20));
        }
    }

    /**
     * Allocates the z-planes for a volume before any data is read. The heap check above is an
     * estimate (large arrays can cost more than their size, e.g. G1's humongous regions), so a
     * failed allocation is turned into the same clear error instead of an OutOfMemoryError.
     */
    static List<float[]> allocatePlanes(Path file, int nx, int ny, int nz) throws VolumeFormatException {
        long voxels = (long) nx * ny * nz;
        checkMemory(file, voxels);
        List<float[]> planes = new ArrayList<>(nz);
        try {
            for (int z = 0; z < nz; z++) {
                planes.add(new float[nx * ny]);
            }
        } catch (OutOfMemoryError e) {
            planes.clear();
            throw new VolumeFormatException(file, String.format(
                    "not enough Java memory for %,d voxels (%,d MB as float); raise -Xmx", voxels, voxels * Float.BYTES >> 20));
        }
        return planes;
    }
}
