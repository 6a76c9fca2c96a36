package org.text2ct.volume;

import java.io.IOException;
import java.nio.file.Path;

/** Small NIfTI files (2×3×4 voxels, stored values 0..23 unless told otherwise) with chosen header fields. */
public final class NiftiTestFiles {
    private NiftiTestFiles() {
    }

    static double[] ramp(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    static NiftiBytes ramp() {
        return new NiftiBytes().values(ramp(24));
    }

    /** qform only: quaternion (b, c, d), qfac in pixdim[0], spacing 0.8×0.9×2.5, given datatype and scaling. */
    public static Path qformOnly(Path file, double[] bcd, double qfac, int datatype, double slope, double inter) throws IOException {
        NiftiBytes n = ramp();
        n.qformCode = 1;
        n.quatern = bcd;
        n.qoffset = new double[] {-10, 20, 30};
        n.pixdim = new double[] {qfac, 0.8, 0.9, 2.5, 1, 1, 1, 1};
        n.datatype = datatype;
        n.slope = slope;
        n.inter = inter;
        return n.write(file);
    }

    /** sform only (code 2), float32. */
    public static Path sformOnly(Path file, double[][] srow) throws IOException {
        NiftiBytes n = ramp();
        n.sformCode = 2;
        n.srow = srow;
        return n.write(file);
    }

    /** sform axes P, S, R (spacing 1, 2, 3) and a different (LPS) qform: the sform must win. */
    public static Path both(Path file) throws IOException {
        NiftiBytes n = ramp();
        n.sformCode = 1;
        n.srow = new double[][] {{0, 0, 3, 0}, {-1, 0, 0, 0}, {0, 2, 0, 0}};
        n.qformCode = 1;
        n.quatern = new double[] {0, 0, 1};
        return n.write(file);
    }

    /** First voxel {@code lo}, second {@code hi}, the rest 0, in NIfTI datatype {@code code}, pixdim only. */
    public static Path datatype(Path file, int code, double lo, double hi) throws IOException {
        double[] v = new double[24];
        v[0] = lo;
        v[1] = hi;
        NiftiBytes n = new NiftiBytes().values(v);
        n.datatype = code;
        return n.write(file);
    }

    /** qform identity with pixdim 0.001, 0.002, 0.003 in metres. */
    public static Path metres(Path file) throws IOException {
        NiftiBytes n = ramp();
        n.units = 1;
        n.qformCode = 1;
        n.pixdim = new double[] {1, 0.001, 0.002, 0.003, 1, 1, 1, 1};
        return n.write(file);
    }
}
