package org.text2ct.volume;

/** Minimum, maximum and mean HU of a volume (NaN voxels ignored). */
public record VolumeStats(double min, double max, double mean) {

    public static VolumeStats of(CtVolume volume) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long n = 0;
        for (int z = 0; z < volume.nz(); z++) {
            for (float v : volume.plane(z)) {
                if (!Float.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? new VolumeStats(Double.NaN, Double.NaN, Double.NaN) : new VolumeStats(min, max, sum / n);
    }
}
