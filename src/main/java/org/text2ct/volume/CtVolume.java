package org.text2ct.volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * A CT volume: float voxels in Hounsfield units with its place in RAS+ world space (mm).
 *
 * <p>Voxels live in an ImgLib2 {@link PlanarImg} with one {@code float[]} per z-plane, indexed
 * {@code x + y * nx}; Fiji shows those planes as an ImageStack without copying. The geometry is
 * the voxel → RAS affine split into spacing, origin (world position of voxel 0,0,0) and
 * direction cosines: {@code direction[r][c]} is the RAS component r of voxel axis c.
 */
public final class CtVolume {
    private final PlanarImg<FloatType, FloatArray> img;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] spacing;
    private final double[] origin;
    private final double[][] direction;

    private CtVolume(PlanarImg<FloatType, FloatArray> img, double[] spacing, double[] origin, double[][] direction) {
        this.img = img;
        this.nx = (int) img.dimension(0);
        this.ny = (int) img.dimension(1);
        this.nz = (int) img.dimension(2);
        this.spacing = checkSpacing(spacing);
        this.origin = origin.clone();
        this.direction = checkDirection(direction);
    }

    /** A new volume filled with {@code fill}; sizes must already be checked against memory. */
    public static CtVolume filled(int nx, int ny, int nz, float fill, double[] spacing, double[] origin, double[][] direction) {
        List<FloatArray> planes = new ArrayList<>(nz);
        for (int z = 0; z < nz; z++) {
            float[] plane = new float[Math.multiplyExact(nx, ny)];
            Arrays.fill(plane, fill);
            planes.add(new FloatArray(plane));
        }
        return wrap(planes, nx, ny, spacing, origin, direction);
    }

    /** A volume of zeros with the same size and geometry as {@code like}. */
    public static CtVolume like(CtVolume like) {
        return filled(like.nx, like.ny, like.nz, 0f, like.spacing, like.origin, like.direction);
    }

    /** Wraps existing planes (each {@code nx*ny} floats) without copying them. */
    public static CtVolume ofPlanes(List<float[]> planes, int nx, int ny, double[] spacing, double[] origin, double[][] direction) {
        List<FloatArray> access = new ArrayList<>(planes.size());
        for (float[] p : planes) {
            if (p.length != (long) nx * ny) {
                throw new IllegalArgumentException("plane has " + p.length + " voxels, expected " + nx + "x" + ny);
            }
            access.add(new FloatArray(p));
        }
        return wrap(access, nx, ny, spacing, origin, direction);
    }

    private static CtVolume wrap(List<FloatArray> planes, int nx, int ny, double[] spacing, double[] origin, double[][] direction) {
        if (nx < 1 || ny < 1 || planes.isEmpty()) {
            throw new IllegalArgumentException("empty volume " + nx + "x" + ny + "x" + planes.size());
        }
        PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, new long[] {nx, ny, planes.size()}, new Fraction());
        img.setLinkedType(new FloatType(img));
        return new CtVolume(img, spacing, origin, direction);
    }

    /** The same voxels (shared, not copied) with another geometry. */
    public CtVolume withGeometry(double[] newSpacing, double[] newOrigin, double[][] newDirection) {
        return new CtVolume(img, newSpacing, newOrigin, newDirection);
    }

    private static double[] checkSpacing(double[] s) {
        if (s.length != 3) {
            throw new IllegalArgumentException("spacing needs 3 values, got " + s.length);
        }
        for (double v : s) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("spacing must be finite and > 0, got " + Arrays.toString(s));
            }
        }
        return s.clone();
    }

    private static double[][] checkDirection(double[][] d) {
        double[][] copy = new double[3][];
        for (int r = 0; r < 3; r++) {
            copy[r] = Arrays.copyOf(d[r], 3);
            for (double v : copy[r]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("direction has a non-finite value: " + Arrays.deepToString(d));
                }
            }
        }
        if (Math.abs(Orientation.determinant(copy)) < 1e-6) {
            throw new IllegalArgumentException("direction matrix is singular: " + Arrays.deepToString(d));
        }
        return copy;
    }

    public PlanarImg<FloatType, FloatArray> img() {
        return img;
    }

    /** The voxels of plane z, shared with the image: writes show up in the volume. */
    public float[] plane(int z) {
        return img.getPlane(z).getCurrentStorageArray();
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    public int[] size() {
        return new int[] {nx, ny, nz};
    }

    public long voxelCount() {
        return (long) nx * ny * nz;
    }

    public float get(int x, int y, int z) {
        return plane(z)[x + y * nx];
    }

    public void set(int x, int y, int z, float value) {
        plane(z)[x + y * nx] = value;
    }

    public double[] spacing() {
        return spacing.clone();
    }

    public double[] origin() {
        return origin.clone();
    }

    public double[][] direction() {
        double[][] d = new double[3][];
        for (int r = 0; r < 3; r++) {
            d[r] = direction[r].clone();
        }
        return d;
    }

    /** The 4×4 voxel → RAS (mm) affine: direction · diag(spacing), then origin. */
    public double[][] affine() {
        double[][] a = new double[4][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                a[r][c] = direction[r][c] * spacing[c];
            }
            a[r][3] = origin[r];
        }
        a[3][3] = 1;
        return a;
    }

    /** World (RAS mm) position of a voxel index, fractional indices allowed. */
    public double[] toWorld(double i, double j, double k) {
        double[] idx = {i, j, k};
        double[] w = origin.clone();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                w[r] += direction[r][c] * spacing[c] * idx[c];
            }
        }
        return w;
    }

    /** Three letters naming where each voxel axis points, as nibabel's {@code aff2axcodes}. */
    public String orientationCode() {
        return Orientation.axisCodes(direction);
    }
}
