package org.text2ct.volume;

/**
 * DICOM and ITK/MetaImage place voxels in LPS+ (x towards the patient's left, y posterior),
 * NIfTI and CtVolume in RAS+: the two differ by negating x and y, which is its own inverse.
 */
final class LpsRas {
    private LpsRas() {
    }

    /** A point converted between LPS and RAS (either way). */
    static double[] flip(double[] point) {
        return new double[] {-point[0], -point[1], point[2]};
    }

    /** A direction matrix (columns = voxel axes) converted between LPS and RAS (either way). */
    static double[][] flip(double[][] direction) {
        double[][] out = new double[3][];
        out[0] = new double[] {-direction[0][0], -direction[0][1], -direction[0][2]};
        out[1] = new double[] {-direction[1][0], -direction[1][1], -direction[1][2]};
        out[2] = direction[2].clone();
        return out;
    }
}
