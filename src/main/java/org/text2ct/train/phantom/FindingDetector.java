package org.text2ct.train.phantom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a volume against its text with plain image analysis (no learning): nodules by side and
 * lobe, pleural effusion by side, and the cardiothoracic ratio. Input layout and orientation as
 * {@link PhantomGrid}. Tuned on, and validated against, this package's phantoms at about 3 mm
 * in-plane and 5 mm slices ({@link PhantomGrid#DEMO}); on coarser grids the erosion steps drop
 * nodules under about six voxels across and thin (small) effusions.
 */
public final class FindingDetector {

    /** A nodule is at least this solid: ground glass (−500) and soft tissue pass, lung does not. */
    static final float SOLID_MIN_HU = -300f;
    static final double MAX_NODULE_MM = 35;
    static final float FLUID_MIN_HU = -10f;
    static final float FLUID_MAX_HU = 16f;
    /** A blob whose surface is more than this share attached tissue grows out of the chest wall or diaphragm. */
    static final double MAX_ATTACHED = 0.2;
    static final double MIN_EFFUSION_ML = 2.5;
    /** Share of the hemithorax's half-width, from the midline, that a layering effusion reaches at least. */
    static final double MIN_LATERAL_REACH = 0.4;

    private FindingDetector() {
    }

    public static Detection detect(PhantomGrid g, float[] hu) {
        if (hu.length != g.size()) {
            throw new IllegalArgumentException("volume has " + hu.length + " voxels, grid needs " + g.size());
        }
        LungSegmentation lungs = LungSegmentation.of(g, hu);
        float[] smooth = BoxSmoothing.smooth(g, hu);
        return new Detection(nodules(g, hu, lungs), effusions(g, smooth, lungs), CardiacRatio.measure(lungs, smooth));
    }

    /**
     * Non-lung blobs entirely surrounded by lung in their axial slices; vessels are told apart by
     * thickness: only a blob at least three voxels across in every direction survives erosion. The
     * top of a diaphragmatic dome is also enclosed by lung in its slices, but sits on the abdomen.
     */
    private static List<Detection.Nodule> nodules(PhantomGrid g, float[] hu, LungSegmentation lungs) {
        boolean[] holes = SliceHoles.of(g, lungs.side);
        Components c = Components.of(g, holes);
        boolean[] core = Components.erode(g, holes);
        boolean[] hasCore = new boolean[c.count + 1];
        for (int i = 0; i < core.length; i++) {
            hasCore[c.label[i]] |= core[i];
        }
        double[][] sums = new double[c.count + 1][4];
        for (int i = 0; i < hu.length; i++) {
            int id = c.label[i];
            if (id != 0 && hasCore[id]) {
                double[] p = g.worldMm(i);
                sums[id][0] += p[0];
                sums[id][1] += p[1];
                sums[id][2] += p[2];
                sums[id][3] += hu[i];
            }
        }
        double[] attached = attachedShare(g, holes, lungs.side, c);
        double voxelMm3 = g.sx() * g.sy() * g.sz();
        List<Detection.Nodule> out = new ArrayList<>();
        for (int id = 1; id <= c.count; id++) {
            double n = c.size[id];
            double diameter = Math.cbrt(6 * n * voxelMm3 / Math.PI);
            if (!hasCore[id] || diameter > MAX_NODULE_MM || attached[id] > MAX_ATTACHED) {
                continue;
            }
            Side side = lungs.sideOf(sums[id][0] / n);
            Lobe lobe = lungs.lobes.lobeAt(side, sums[id][1] / n, sums[id][2] / n);
            out.add(new Detection.Nodule(side, lobe, diameter, sums[id][3] / n > SOLID_MIN_HU));
        }
        return out;
    }

    /** Per component, the share of its surface that touches tissue other than lung. */
    private static double[] attachedShare(PhantomGrid g, boolean[] holes, byte[] lung, Components c) {
        double[] surface = new double[c.count + 1];
        double[] attached = new double[c.count + 1];
        int nx = g.nx(), nxy = nx * g.ny();
        for (int i = 0; i < holes.length; i++) {
            int id = c.label[i];
            if (id == 0) {
                continue;
            }
            for (int j : new int[] {i - 1, i + 1, i - nx, i + nx, i - nxy, i + nxy}) {
                if (j >= 0 && j < holes.length && !holes[j]) {
                    surface[id]++;
                    attached[id] += lung[j] == 0 ? 1 : 0;
                }
            }
        }
        for (int id = 1; id <= c.count; id++) {
            attached[id] /= Math.max(1, surface[id]);
        }
        return attached;
    }

    /**
     * Fluid-density (−10…16 HU after smoothing) regions in the posterior chest, of a few millilitres
     * at least, within the lungs' lateral extent: the pleural space lies inside the rib cage, and in
     * decoded volumes the chest wall's muscle–fat boundary blurs into fluid density just outside it.
     * A layering effusion spreads along the posterior wall well out from the spine; fluid density
     * confined beside it is the blurred rim of the descending aorta or the vertebra.
     */
    private static Set<Side> effusions(PhantomGrid g, float[] smooth, LungSegmentation lungs) {
        LobeMap.Bounds r = lungs.lobes.bounds(Side.RIGHT), l = lungs.lobes.bounds(Side.LEFT);
        double yMid = (Math.min(r.yMin(), l.yMin()) + Math.max(r.yMax(), l.yMax())) / 2;
        double zMin = Math.min(r.zMin(), l.zMin()), zMax = Math.max(r.zMax(), l.zMax());
        int xFirst = g.nx(), xLast = -1;
        for (int i = 0; i < smooth.length; i++) {
            if (lungs.side[i] != 0) {
                xFirst = Math.min(xFirst, i % g.nx());
                xLast = Math.max(xLast, i % g.nx());
            }
        }
        boolean[] fluid = new boolean[smooth.length];
        for (int i = 0; i < smooth.length; i++) {
            double[] p = g.worldMm(i);
            int x = i % g.nx();
            fluid[i] = !lungs.outside[i] && smooth[i] >= FLUID_MIN_HU && smooth[i] <= FLUID_MAX_HU
                    && p[1] < yMid && p[2] < zMin + 0.7 * (zMax - zMin) && x >= xFirst && x <= xLast;
        }
        boolean[] core = Components.erode(g, fluid);
        Components c = Components.of(g, core);
        double[] sumX = new double[c.count + 1];
        double[] reach = new double[c.count + 1];
        for (int i = 0; i < smooth.length; i++) {
            double x = g.xMm(i % g.nx());
            sumX[c.label[i]] += x;
            reach[c.label[i]] = Math.max(reach[c.label[i]], Math.abs(x - lungs.midlineX));
        }
        double minVoxels = MIN_EFFUSION_ML * 1000 / (g.sx() * g.sy() * g.sz());
        Set<Side> out = EnumSet.noneOf(Side.class);
        for (int id = 1; id <= c.count; id++) {
            Side side = lungs.sideOf(sumX[id] / c.size[id]);
            double halfWidth = Math.abs(g.xMm(side == Side.RIGHT ? xFirst : xLast) - lungs.midlineX);
            if (c.size[id] >= minVoxels && reach[id] >= MIN_LATERAL_REACH * halfWidth) {
                out.add(side);
            }
        }
        return out;
    }
}
