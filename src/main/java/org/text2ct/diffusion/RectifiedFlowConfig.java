package org.text2ct.diffusion;

import com.google.gson.JsonObject;

/**
 * Arguments of MONAI's {@code RFlowScheduler} that inference uses (the training-time timestep sampling
 * arguments are not). MONAI's defaults where a JSON key is missing.
 */
public record RectifiedFlowConfig(int numTrainTimesteps, boolean useDiscreteTimesteps,
                                  boolean useTimestepTransform, int stepsOffset, long baseImgSizeNumel,
                                  int spatialDim) {
    public RectifiedFlowConfig {
        if (numTrainTimesteps < 1 || numTrainTimesteps > 65504) {
            // Timesteps pass through float16 in MONAI; larger values would overflow it.
            throw new IllegalArgumentException("num_train_timesteps must lie in 1..65504, got " + numTrainTimesteps);
        }
        if (!useDiscreteTimesteps) {
            throw new IllegalArgumentException("use_discrete_timesteps false is not supported, use true");
        }
        if (stepsOffset < 0) {
            throw new IllegalArgumentException("steps_offset must not be negative, got " + stepsOffset);
        }
        if (baseImgSizeNumel < 1) {
            throw new IllegalArgumentException("base_img_size_numel must be positive, got " + baseImgSizeNumel);
        }
        if (spatialDim != 2 && spatialDim != 3) {
            throw new IllegalArgumentException("spatial_dim " + spatialDim + " is not supported, use 2 or 3");
        }
    }

    public static RectifiedFlowConfig fromJson(String text) {
        ConfigJson json = ConfigJson.parse(text);
        return new RectifiedFlowConfig(
                json.integer("num_train_timesteps", 1000),
                json.bool("use_discrete_timesteps", true),
                json.bool("use_timestep_transform", false),
                json.integer("steps_offset", 0),
                json.whole("base_img_size_numel", 32 * 32 * 32),
                json.integer("spatial_dim", 3));
    }

    /** The config with MONAI's argument names, as {@link #fromJson} reads it. */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("num_train_timesteps", numTrainTimesteps);
        json.addProperty("use_discrete_timesteps", useDiscreteTimesteps);
        json.addProperty("use_timestep_transform", useTimestepTransform);
        json.addProperty("steps_offset", stepsOffset);
        json.addProperty("base_img_size_numel", baseImgSizeNumel);
        json.addProperty("spatial_dim", spatialDim);
        return json.toString();
    }
}
