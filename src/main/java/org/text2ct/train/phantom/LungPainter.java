package org.text2ct.train.phantom;

import java.util.SplittableRandom;

/**
 * Aerated lung parenchyma: −850 HU with a smooth texture and a gravity-dependent density gradient
 * (the dependent, posterior lung of a supine patient is a few tens of HU denser).
 */
final class LungPainter {

    static final float PARENCHYMA = -850f;
    private static final double TEXTURE_HU = 25;
    private static final double DEPENDENT_HU = 45;

    private LungPainter() {
    }

    static LungMask paint(VoxelCanvas c, LungShape[] lungs, SplittableRandom rng) {
        LungMask mask = new LungMask(c.grid);
        SmoothNoise coarse = new SmoothNoise(c.grid, 14, rng);
        SmoothNoise fine = new SmoothNoise(c.grid, 6, rng);
        for (LungShape lung : lungs) {
            byte code = LungMask.code(lung.side);
            c.forBox(lung.cx - lung.ax, lung.cx + lung.ax, lung.cy - lung.ay, lung.cy + lung.ay,
                    lung.zBase(), lung.zApex(), (idx, x, y, z) -> {
                        if (!lung.contains(x, y, z)) {
                            return;
                        }
                        double dependent = DEPENDENT_HU * (1 - (y - (lung.cy - lung.ay)) / (2 * lung.ay));
                        double texture = TEXTURE_HU * (0.6 * coarse.at(x, y, z) + 0.4 * fine.at(x, y, z));
                        c.hu[idx] = (float) (PARENCHYMA + dependent + texture);
                        mask.side[idx] = code;
                    });
        }
        return mask;
    }
}
