package org.text2ct.diffusion;

import com.google.gson.JsonObject;

/**
 * Arguments of MONAI's {@code DDIMScheduler} plus {@code eta}, MONAI's per-step argument, kept here
 * because a run uses one value throughout. MONAI's defaults where a JSON key is missing.
 */
public record DdimConfig(BetaConfig betas, ClipConfig clip, boolean setAlphaToOne, int stepsOffset,
                         PredictionType predictionType, double eta) {
    public DdimConfig {
        if (betas == null || clip == null || predictionType == null) {
            throw new IllegalArgumentException("DDIM config has a missing part: " + betas + ", " + clip
                    + ", " + predictionType);
        }
        if (stepsOffset < 0) {
            throw new IllegalArgumentException("steps_offset must not be negative, got " + stepsOffset);
        }
        if (!(eta >= 0)) {
            throw new IllegalArgumentException("eta must be at least 0, got " + eta);
        }
    }

    public static DdimConfig fromJson(String text) {
        ConfigJson json = ConfigJson.parse(text);
        return new DdimConfig(BetaConfig.read(json), ClipConfig.read(json),
                json.bool("set_alpha_to_one", true),
                json.integer("steps_offset", 0),
                json.choice("prediction_type", PredictionType.EPSILON),
                json.number("eta", 0));
    }

    /** The config with MONAI's argument names, as {@link #fromJson} reads it. */
    public String toJson() {
        JsonObject json = new JsonObject();
        betas.write(json);
        clip.write(json);
        json.addProperty("set_alpha_to_one", setAlphaToOne);
        json.addProperty("steps_offset", stepsOffset);
        json.addProperty("prediction_type", predictionType.toString());
        json.addProperty("eta", eta);
        return json.toString();
    }
}
