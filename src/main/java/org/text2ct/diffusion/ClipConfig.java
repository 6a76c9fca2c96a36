package org.text2ct.diffusion;

import com.google.gson.JsonObject;

/** MONAI's clip_sample, clip_sample_min, clip_sample_max: optional clamping of the predicted x₀. */
public record ClipConfig(boolean clipSample, double clipSampleMin, double clipSampleMax) {
    /** MONAI's defaults: clipping on, to [−1, 1]. */
    public static final ClipConfig MONAI_DEFAULT = new ClipConfig(true, -1, 1);
    public static final ClipConfig OFF = new ClipConfig(false, -1, 1);

    public ClipConfig {
        if (!(clipSampleMin <= clipSampleMax)) {
            throw new IllegalArgumentException("clip_sample_min " + clipSampleMin
                    + " must not exceed clip_sample_max " + clipSampleMax);
        }
    }

    static ClipConfig read(ConfigJson json) {
        return new ClipConfig(
                json.bool("clip_sample", MONAI_DEFAULT.clipSample),
                json.number("clip_sample_min", MONAI_DEFAULT.clipSampleMin),
                json.number("clip_sample_max", MONAI_DEFAULT.clipSampleMax));
    }

    void write(JsonObject json) {
        json.addProperty("clip_sample", clipSample);
        json.addProperty("clip_sample_min", clipSampleMin);
        json.addProperty("clip_sample_max", clipSampleMax);
    }

    /** Clamps in place when clipping is on; returns its argument. */
    float[] apply(float[] x0) {
        if (clipSample) {
            float lo = (float) clipSampleMin;
            float hi = (float) clipSampleMax;
            for (int i = 0; i < x0.length; i++) {
                x0[i] = Math.min(Math.max(x0[i], lo), hi);
            }
        }
        return x0;
    }
}
