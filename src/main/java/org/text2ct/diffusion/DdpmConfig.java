package org.text2ct.diffusion;

import com.google.gson.JsonObject;

/** Arguments of MONAI's {@code DDPMScheduler}, with MONAI's defaults where a JSON key is missing. */
public record DdpmConfig(BetaConfig betas, VarianceType varianceType, ClipConfig clip,
                         PredictionType predictionType) {
    /** MONAI's variance_type values that need no learned variance. */
    public enum VarianceType {
        FIXED_SMALL("fixed_small"), FIXED_LARGE("fixed_large");

        private final String label;

        VarianceType(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public DdpmConfig {
        if (betas == null || varianceType == null || clip == null || predictionType == null) {
            throw new IllegalArgumentException("DDPM config has a missing part: " + betas + ", " + varianceType
                    + ", " + clip + ", " + predictionType);
        }
    }

    public static DdpmConfig fromJson(String text) {
        ConfigJson json = ConfigJson.parse(text);
        return new DdpmConfig(BetaConfig.read(json),
                json.choice("variance_type", VarianceType.FIXED_SMALL),
                ClipConfig.read(json),
                json.choice("prediction_type", PredictionType.EPSILON));
    }

    /** The config with MONAI's argument names, as {@link #fromJson} reads it. */
    public String toJson() {
        JsonObject json = new JsonObject();
        betas.write(json);
        json.addProperty("variance_type", varianceType.toString());
        clip.write(json);
        json.addProperty("prediction_type", predictionType.toString());
        return json.toString();
    }
}
