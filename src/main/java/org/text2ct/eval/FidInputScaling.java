package org.text2ct.eval;

/**
 * The intensity step EVAL-AND-DATA.md applies to generated and reference volumes alike before FID:
 * clip to [−1000, 1000] HU, then scale linearly to [0, 1].
 */
public final class FidInputScaling {
    public static final float MIN_HU = -1000f;
    public static final float MAX_HU = 1000f;

    private FidInputScaling() {
    }

    /** A new volume with (clamp(hu, −1000, 1000) + 1000) / 2000; NaN stays NaN for the slicer to refuse. */
    public static Volume3 toUnitRange(Volume3 hu) {
        float[] src = hu.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            float v = Math.max(MIN_HU, Math.min(MAX_HU, src[i]));
            out[i] = (v - MIN_HU) / (MAX_HU - MIN_HU);
        }
        return new Volume3(hu.nx(), hu.ny(), hu.nz(), out);
    }
}
