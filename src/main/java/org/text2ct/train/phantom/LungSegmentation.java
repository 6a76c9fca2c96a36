package org.text2ct.train.phantom;

/**
 * Lungs found in a HU volume with plain image analysis: air below −650 HU that is not connected
 * to the air around the patient, minus the trachea and carina (small air regions near the body's
 * midline in an axial slice), split into right and left at the body's midline.
 */
final class LungSegmentation {

    static final float AIR_MAX = -650f;
    private static final double AIRWAY_MAX_RADIUS_MM = 25;
    private static final double AIRWAY_MAX_OFFSET_MM = 35;

    final PhantomGrid grid;
    /** Voxels connected to the air outside the patient. */
    final boolean[] outside;
    /** 0 none, else {@link LungMask#code(Side)}. */
    final byte[] side;
    /** x (mm) of the patient's midline: the middle of the body's extent, averaged over slices. */
    final double midlineX;
    final LobeMap lobes;

    private LungSegmentation(PhantomGrid grid, boolean[] outside, byte[] side, double midlineX) {
        this.grid = grid;
        this.outside = outside;
        this.side = side;
        this.midlineX = midlineX;
        this.lobes = LobeMap.fromMask(grid, i -> side[i] == 0 ? null : Side.values()[side[i] - 1]);
    }

    static LungSegmentation of(PhantomGrid g, float[] hu) {
        boolean[] outside = outsideAir(g, hu);
        boolean[] lung = new boolean[hu.length];
        for (int i = 0; i < hu.length; i++) {
            lung[i] = hu[i] < AIR_MAX && !outside[i];
        }
        double midline = removeAirways(g, lung, outside);
        byte[] side = new byte[hu.length];
        for (int i = 0; i < hu.length; i++) {
            if (lung[i]) {
                side[i] = LungMask.code(g.xMm(i % g.nx()) < midline ? Side.RIGHT : Side.LEFT);
            }
        }
        return new LungSegmentation(g, outside, side, midline);
    }

    Side sideOf(double xMm) {
        return xMm < midlineX ? Side.RIGHT : Side.LEFT;
    }

    /** Air reachable from the volume's x and y faces through air. */
    private static boolean[] outsideAir(PhantomGrid g, float[] hu) {
        int[] label = new int[hu.length];
        int[] queue = new int[hu.length];
        for (int z = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++) {
                    boolean face = x == 0 || y == 0 || x == g.nx() - 1 || y == g.ny() - 1;
                    int i = g.index(x, y, z);
                    if (face && label[i] == 0 && hu[i] < AIR_MAX) {
                        Components.flood(g, i, 1, label, queue, j -> hu[j] < AIR_MAX);
                    }
                }
            }
        }
        boolean[] out = new boolean[hu.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = label[i] != 0;
        }
        return out;
    }

    /**
     * Drops, slice by slice, small air regions close to the midline of the body (trachea and carina)
     * and returns that midline's mean x in mm.
     */
    private static double removeAirways(PhantomGrid g, boolean[] lung, boolean[] outside) {
        int nxy = g.nx() * g.ny();
        int[] label = new int[lung.length];
        int[] queue = new int[lung.length];
        double maxArea = Math.PI * AIRWAY_MAX_RADIUS_MM * AIRWAY_MAX_RADIUS_MM;
        int id = 0;
        double midSum = 0;
        for (int z = 0; z < g.nz(); z++) {
            int slice = z;
            double bodyMid = bodyMidX(g, outside, z);
            midSum += bodyMid;
            for (int i = z * nxy; i < (z + 1) * nxy; i++) {
                if (!lung[i] || label[i] != 0) {
                    continue;
                }
                int n = Components.flood(g, i, ++id, label, queue, j -> j / nxy == slice && lung[j]);
                double sumX = 0;
                for (int q = 0; q < n; q++) {
                    sumX += g.xMm(queue[q] % g.nx());
                }
                boolean small = n * g.sx() * g.sy() < maxArea;
                if (small && Math.abs(sumX / n - bodyMid) < AIRWAY_MAX_OFFSET_MM) {
                    for (int q = 0; q < n; q++) {
                        lung[queue[q]] = false;
                    }
                }
            }
        }
        return midSum / g.nz();
    }

    /** Middle of the body's x extent in one slice. */
    private static double bodyMidX(PhantomGrid g, boolean[] outside, int z) {
        int lo = g.nx(), hi = -1;
        for (int y = 0; y < g.ny(); y++) {
            for (int x = 0; x < g.nx(); x++) {
                if (!outside[g.index(x, y, z)]) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        return hi < 0 ? 0 : (g.xMm(lo) + g.xMm(hi)) / 2;
    }
}
