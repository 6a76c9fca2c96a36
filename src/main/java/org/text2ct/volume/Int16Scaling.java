package org.text2ct.volume;

/**
 * Slope and intercept for storing a float volume as int16: exact (1, 0) when every voxel is
 * already an integer in range — as HU from a scanner are — otherwise a linear map of the
 * volume's range onto the full int16 range.
 */
final class Int16Scaling {
    private Int16Scaling() {
    }

    /** {slope, intercept} with value = stored · slope + intercept. */
    static double[] of(CtVolume volume) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        for (int z = 0; z < volume.nz(); z++) {
            for (float v : volume.plane(z)) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    integral &= v == Math.rint(v);
                }
            }
        }
        if (min > max) {
            return new double[] {1, 0};
        }
        if (integral && min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
            return new double[] {1, 0};
        }
        if (min == max) {
            return new double[] {1, min};
        }
        double slope = (max - min) / (Short.MAX_VALUE - (double) Short.MIN_VALUE);
        double intercept = min - Short.MIN_VALUE * slope;
        return new double[] {slope, intercept};
    }
}
