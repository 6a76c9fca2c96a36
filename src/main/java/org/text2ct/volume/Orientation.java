package org.text2ct.volume;

import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;

/**
 * Axis codes (RAS, LPS, …) and reorientation by axis permutation and flips.
 *
 * <p>Codes follow nibabel's {@code aff2axcodes}: each letter says which way a voxel axis points
 * in world space, so an array whose first index grows towards the patient's left is {@code L..}.
 * Oblique directions snap to the nearest axis the way nibabel's {@code io_orientation} does.
 */
public final class Orientation {
    private static final char[] POSITIVE = {'R', 'A', 'S'};
    private static final char[] NEGATIVE = {'L', 'P', 'I'};

    private Orientation() {
    }

    /** The three-letter code of a direction matrix (columns = voxel axes in RAS). */
    public static String axisCodes(double[][] direction) {
        int[][] ornt = ioOrientation(direction);
        StringBuilder code = new StringBuilder(3);
        for (int[] axis : ornt) {
            code.append(axis[1] > 0 ? POSITIVE[axis[0]] : NEGATIVE[axis[0]]);
        }
        return code.toString();
    }

    /**
     * For each voxel axis, {world axis (0 = x, 1 = y, 2 = z), sign}: nibabel's algorithm — the
     * nearest orthonormal matrix (U·Vᵀ of the SVD), then per voxel axis the largest |component|,
     * removing each world axis once taken.
     */
    static int[][] ioOrientation(double[][] direction) {
        SimpleMatrix rs = new SimpleMatrix(3, 3);
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(sq(direction[0][c]) + sq(direction[1][c]) + sq(direction[2][c]));
            double scale = norm == 0 ? 1 : norm;
            for (int r = 0; r < 3; r++) {
                rs.set(r, c, direction[r][c] / scale);
            }
        }
        SimpleSVD<SimpleMatrix> svd = rs.svd();
        SimpleMatrix nearest = svd.getU().mult(svd.getV().transpose());
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = nearest.get(r, c);
            }
        }
        int[][] ornt = new int[3][];
        for (int c = 0; c < 3; c++) {
            int best = 0;
            for (int r = 1; r < 3; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[best][c])) {
                    best = r;
                }
            }
            if (m[best][c] == 0) {
                throw new IllegalArgumentException("direction matrix is degenerate: axis " + c + " has no orientation");
            }
            ornt[c] = new int[] {best, m[best][c] < 0 ? -1 : 1};
            m[best] = new double[3];
        }
        return ornt;
    }

    /** {world axis, sign} for each letter of a code such as "LPS"; rejects codes that repeat an axis. */
    static int[][] parse(String code) {
        if (code.length() != 3) {
            throw new IllegalArgumentException("orientation code needs 3 letters, got '" + code + "'");
        }
        int[][] axes = new int[3][];
        boolean[] seen = new boolean[3];
        for (int i = 0; i < 3; i++) {
            char ch = Character.toUpperCase(code.charAt(i));
            int world = -1;
            int sign = 0;
            for (int w = 0; w < 3; w++) {
                if (POSITIVE[w] == ch) {
                    world = w;
                    sign = 1;
                } else if (NEGATIVE[w] == ch) {
                    world = w;
                    sign = -1;
                }
            }
            if (world < 0 || seen[world]) {
                throw new IllegalArgumentException("not an orientation code: '" + code + "' (use letters R/L, A/P, S/I once each)");
            }
            seen[world] = true;
            axes[i] = new int[] {world, sign};
        }
        return axes;
    }

    /** The direction matrix (columns = voxel axes in RAS) whose code is {@code code}. */
    public static double[][] directionOf(String code) {
        int[][] axes = parse(code);
        double[][] d = new double[3][3];
        for (int c = 0; c < 3; c++) {
            d[axes[c][0]][c] = axes[c][1];
        }
        return d;
    }

    /** The letter opposite to each letter of a code: ITK's "from" convention (LPS identity is "RAI"). */
    static String opposite(String code) {
        StringBuilder out = new StringBuilder(3);
        for (char ch : code.toUpperCase().toCharArray()) {
            for (int w = 0; w < 3; w++) {
                if (POSITIVE[w] == ch) {
                    out.append(NEGATIVE[w]);
                } else if (NEGATIVE[w] == ch) {
                    out.append(POSITIVE[w]);
                }
            }
        }
        return out.toString();
    }

    /** The volume with its voxel axes permuted and flipped so its code is RAS; world positions are kept. */
    public static CtVolume toRas(CtVolume volume) {
        return reorient(volume, "RAS");
    }

    /**
     * The volume with voxel axes permuted/flipped to the target code. Each voxel keeps its world
     * position: spacing follows its axis, direction columns follow (negated on a flip), and the
     * origin moves to the world position of the new first voxel.
     */
    public static CtVolume reorient(CtVolume volume, String targetCode) {
        int[][] from = ioOrientation(volume.direction());
        int[][] to = parse(targetCode);
        int[] oldAxisOf = new int[3];
        boolean[] flip = new boolean[3];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 3; t++) {
                if (to[t][0] == from[c][0]) {
                    oldAxisOf[t] = c;
                    flip[t] = to[t][1] != from[c][1];
                }
            }
        }
        int[] oldSize = volume.size();
        double[] oldSpacing = volume.spacing();
        double[][] oldDir = volume.direction();
        int[] newSize = new int[3];
        double[] newSpacing = new double[3];
        double[][] newDir = new double[3][3];
        double[] firstVoxel = new double[3];
        for (int t = 0; t < 3; t++) {
            int c = oldAxisOf[t];
            newSize[t] = oldSize[c];
            newSpacing[t] = oldSpacing[c];
            for (int r = 0; r < 3; r++) {
                newDir[r][t] = flip[t] ? -oldDir[r][c] : oldDir[r][c];
            }
            firstVoxel[c] = flip[t] ? oldSize[c] - 1 : 0;
        }
        double[] newOrigin = volume.toWorld(firstVoxel[0], firstVoxel[1], firstVoxel[2]);
        CtVolume out = CtVolume.filled(newSize[0], newSize[1], newSize[2], 0f, newSpacing, newOrigin, newDir);
        int[] oldIdx = new int[3];
        int[] newIdx = new int[3];
        for (newIdx[2] = 0; newIdx[2] < newSize[2]; newIdx[2]++) {
            float[] plane = out.plane(newIdx[2]);
            for (newIdx[1] = 0; newIdx[1] < newSize[1]; newIdx[1]++) {
                for (newIdx[0] = 0; newIdx[0] < newSize[0]; newIdx[0]++) {
                    for (int t = 0; t < 3; t++) {
                        int c = oldAxisOf[t];
                        oldIdx[c] = flip[t] ? oldSize[c] - 1 - newIdx[t] : newIdx[t];
                    }
                    plane[newIdx[0] + newIdx[1] * newSize[0]] = volume.get(oldIdx[0], oldIdx[1], oldIdx[2]);
                }
            }
        }
        return out;
    }

    /** Determinant of a 3×3 matrix; its sign says whether the axes are right-handed. */
    static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double sq(double v) {
        return v * v;
    }
}
