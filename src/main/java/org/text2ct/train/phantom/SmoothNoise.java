package org.text2ct.train.phantom;

import java.util.SplittableRandom;

/** Value noise in [-1, 1]: random values on a coarse lattice, interpolated trilinearly. */
final class SmoothNoise {

    private final double cell;
    private final int nx, ny, nz;
    private final double ox, oy, oz;
    private final float[] lattice;

    /** Covers the grid's world box with lattice cells of {@code cellMm}. */
    SmoothNoise(PhantomGrid grid, double cellMm, SplittableRandom rng) {
        this.cell = cellMm;
        this.ox = grid.xMm(0);
        this.oy = grid.yMm(0);
        this.oz = grid.zMm(0);
        this.nx = (int) Math.ceil(grid.nx() * grid.sx() / cellMm) + 2;
        this.ny = (int) Math.ceil(grid.ny() * grid.sy() / cellMm) + 2;
        this.nz = (int) Math.ceil(grid.nz() * grid.sz() / cellMm) + 2;
        this.lattice = new float[nx * ny * nz];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = (float) rng.nextDouble(-1, 1);
        }
    }

    double at(double x, double y, double z) {
        double fx = clampCell((x - ox) / cell, nx);
        double fy = clampCell((y - oy) / cell, ny);
        double fz = clampCell((z - oz) / cell, nz);
        int i = (int) fx, j = (int) fy, k = (int) fz;
        double tx = fx - i, ty = fy - j, tz = fz - k;
        double c00 = lerp(v(i, j, k), v(i + 1, j, k), tx), c10 = lerp(v(i, j + 1, k), v(i + 1, j + 1, k), tx);
        double c01 = lerp(v(i, j, k + 1), v(i + 1, j, k + 1), tx);
        double c11 = lerp(v(i, j + 1, k + 1), v(i + 1, j + 1, k + 1), tx);
        return lerp(lerp(c00, c10, ty), lerp(c01, c11, ty), tz);
    }

    private static double clampCell(double f, int n) {
        return Math.max(0, Math.min(n - 1.001, f));
    }

    private float v(int i, int j, int k) {
        return lattice[i + nx * (j + ny * k)];
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
