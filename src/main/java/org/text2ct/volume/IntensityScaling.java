package org.text2ct.volume;

/**
 * The paper's intensity mapping: clip to [−1000, 1000] HU and scale to [0, 1]; the model's
 * output goes back with v·2000 − 1000. New volumes are returned; geometry is shared.
 */
public final class IntensityScaling {
    public static final float HU_MIN = -1000f;
    public static final float HU_MAX = 1000f;

    private IntensityScaling() {
    }

    /** HU clipped to [−1000, 1000]. */
    public static CtVolume clip(CtVolume volume) {
        return map(volume, v -> Math.max(HU_MIN, Math.min(HU_MAX, v)));
    }

    /** HU → [0, 1]: clip, then (v + 1000) / 2000. */
    public static CtVolume toUnitRange(CtVolume volume) {
        return map(volume, v -> (Math.max(HU_MIN, Math.min(HU_MAX, v)) - HU_MIN) / (HU_MAX - HU_MIN));
    }

    /** [0, 1] → HU: v·2000 − 1000. */
    public static CtVolume toHu(CtVolume volume) {
        return map(volume, v -> v * (HU_MAX - HU_MIN) + HU_MIN);
    }

    private interface FloatMap {
        float apply(float v);
    }

    private static CtVolume map(CtVolume volume, FloatMap f) {
        CtVolume out = CtVolume.like(volume);
        for (int z = 0; z < volume.nz(); z++) {
            float[] src = volume.plane(z);
            float[] dst = out.plane(z);
            for (int i = 0; i < src.length; i++) {
                dst[i] = f.apply(src[i]);
            }
        }
        return out;
    }
}
