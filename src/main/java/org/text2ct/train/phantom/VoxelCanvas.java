package org.text2ct.train.phantom;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** A HU volume being painted: visits voxels of a world-space box and draws tubes. */
final class VoxelCanvas {

    /** Called for each voxel of a box with its array index and world position in mm. */
    interface VoxelVisitor {
        void visit(int index, double x, double y, double z);
    }

    final PhantomGrid grid;
    final float[] hu;

    VoxelCanvas(PhantomGrid grid) {
        this.grid = grid;
        this.hu = new float[grid.size()];
    }

    void fill(float value) {
        Arrays.fill(hu, value);
    }

    /** Visits every voxel whose centre lies in the box [x0,x1]×[y0,y1]×[z0,z1] (mm). */
    void forBox(double x0, double x1, double y0, double y1, double z0, double z1, VoxelVisitor v) {
        int i0 = grid.xIndex(x0), i1 = grid.xIndex(x1);
        int j0 = grid.yIndex(y0), j1 = grid.yIndex(y1);
        int k0 = grid.zIndex(z0), k1 = grid.zIndex(z1);
        for (int k = k0; k <= k1; k++) {
            double z = grid.zMm(k);
            for (int j = j0; j <= j1; j++) {
                double y = grid.yMm(j);
                int row = grid.index(0, j, k);
                for (int i = i0; i <= i1; i++) {
                    v.visit(row + i, grid.xMm(i), y, z);
                }
            }
        }
    }

    void fillEllipsoid(Anatomy.Ellipsoid e, float value) {
        forBox(e.cx() - e.ax(), e.cx() + e.ax(), e.cy() - e.ay(), e.cy() + e.ay(), e.cz() - e.az(), e.cz() + e.az(),
                (idx, x, y, z) -> {
                    double dx = (x - e.cx()) / e.ax(), dy = (y - e.cy()) / e.ay(), dz = (z - e.cz()) / e.az();
                    if (dx * dx + dy * dy + dz * dz <= 1) {
                        hu[idx] = value;
                    }
                });
    }

    /**
     * Draws a straight tube from a to b (mm) where {@code allow} accepts the voxel. A tube thinner
     * than half a voxel is blended into the background in proportion to its cross-section, as the
     * scanner's partial-volume effect would, instead of being drawn a whole voxel thick.
     */
    void tube(double[] a, double[] b, double radius, float value, IntPredicate allow) {
        double half = 0.5 * Math.min(grid.sx(), Math.min(grid.sy(), grid.sz()));
        double reach = Math.max(radius, half);
        double weight = radius >= half ? 1 : (radius / half) * (radius / half);
        double dx = b[0] - a[0], dy = b[1] - a[1], dz = b[2] - a[2];
        double len2 = Math.max(1e-9, dx * dx + dy * dy + dz * dz);
        forBox(Math.min(a[0], b[0]) - reach, Math.max(a[0], b[0]) + reach,
                Math.min(a[1], b[1]) - reach, Math.max(a[1], b[1]) + reach,
                Math.min(a[2], b[2]) - reach, Math.max(a[2], b[2]) + reach,
                (idx, x, y, z) -> {
                    double t = ((x - a[0]) * dx + (y - a[1]) * dy + (z - a[2]) * dz) / len2;
                    t = Math.max(0, Math.min(1, t));
                    double px = a[0] + t * dx - x, py = a[1] + t * dy - y, pz = a[2] + t * dz - z;
                    if (px * px + py * py + pz * pz <= reach * reach && allow.test(idx)) {
                        hu[idx] += (float) (weight * (value - hu[idx]));
                    }
                });
    }

    /** Draws a polyline tube through the given points. */
    void tubePath(double[][] points, double radius, float value, IntPredicate allow) {
        for (int p = 1; p < points.length; p++) {
            tube(points[p - 1], points[p], radius, value, allow);
        }
    }
}
