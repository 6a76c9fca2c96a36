package org.text2ct.volume;

import java.nio.file.Path;

/**
 * Voxel → RAS placement of a NIfTI image, chosen as the standard's three methods rank them:
 * sform when {@code sform_code > 0} (method 3), else qform when {@code qform_code > 0}
 * (method 2: quaternion, with qfac = −1 when pixdim[0] is negative, as nifti1_io reads it),
 * else pixdim only (method 1).
 */
public record NiftiGeometry(Method method, double[] spacing, double[] origin, double[][] direction) {

    /** Which header fields placed the image. */
    public enum Method { PIXDIM_ONLY, QFORM, SFORM }

    static NiftiGeometry of(NiftiHeader h, Path file) throws VolumeFormatException {
        double unit = h.mmPerUnit();
        double[] pixdim = {h.spacing(1) * unit, h.spacing(2) * unit, h.spacing(3) * unit};
        if (h.sformCode() > 0) {
            return fromAffine(h.srow(), unit, file);
        }
        if (h.qformCode() > 0) {
            double qfac = h.pixdim()[0] < 0 ? -1 : 1;
            double[][] r = rotation(h.quatern()[0], h.quatern()[1], h.quatern()[2]);
            for (int row = 0; row < 3; row++) {
                r[row][2] *= qfac;
            }
            double[] origin = {h.qoffset()[0] * unit, h.qoffset()[1] * unit, h.qoffset()[2] * unit};
            return new NiftiGeometry(Method.QFORM, pixdim, origin, r);
        }
        return new NiftiGeometry(Method.PIXDIM_ONLY, pixdim, new double[3], new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    private static NiftiGeometry fromAffine(double[][] srow, double unit, Path file) throws VolumeFormatException {
        double[] spacing = new double[3];
        double[][] direction = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(srow[0][c] * srow[0][c] + srow[1][c] * srow[1][c] + srow[2][c] * srow[2][c]);
            if (!(norm > 0) || Double.isInfinite(norm)) {
                throw new VolumeFormatException(file, "sform column " + c + " has length " + norm + " (voxel spacing must be finite and > 0)");
            }
            spacing[c] = norm * unit;
            for (int r = 0; r < 3; r++) {
                direction[r][c] = srow[r][c] / norm;
            }
        }
        double[] origin = {srow[0][3] * unit, srow[1][3] * unit, srow[2][3] * unit};
        if (Math.abs(Orientation.determinant(direction)) < 1e-6) {
            throw new VolumeFormatException(file, "sform is singular: its voxel axes are not independent");
        }
        return new NiftiGeometry(Method.SFORM, spacing, origin, direction);
    }

    /** The rotation of unit quaternion (a, b, c, d) with a = √(1 − b² − c² − d²), as nifti1_io computes it. */
    static double[][] rotation(double b, double c, double d) {
        double a = 1 - (b * b + c * c + d * d);
        if (a < 1e-7) {
            double s = 1 / Math.sqrt(b * b + c * c + d * d);
            b *= s;
            c *= s;
            d *= s;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        return new double[][] {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
    }

    /**
     * {b, c, d, qfac} for a direction matrix (nifti_mat44_to_quatern): a left-handed matrix gets
     * qfac = −1 and its third column negated so that the rest is a proper rotation.
     */
    static double[] quaternion(double[][] direction) {
        double[][] r = new double[3][];
        for (int i = 0; i < 3; i++) {
            r[i] = direction[i].clone();
        }
        double qfac = Orientation.determinant(r) < 0 ? -1 : 1;
        for (int i = 0; i < 3; i++) {
            r[i][2] *= qfac;
        }
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {b, c, d, qfac};
    }
}
