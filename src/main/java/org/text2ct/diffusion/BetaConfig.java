package org.text2ct.diffusion;

import com.google.gson.JsonObject;

/** The noise-schedule arguments DDPM and DDIM share (MONAI: num_train_timesteps, schedule, beta_start, beta_end). */
public record BetaConfig(int numTrainTimesteps, BetaSchedule schedule, double betaStart, double betaEnd) {
    /** MONAI's defaults: 1000 steps, linear_beta, 1e-4 to 2e-2. */
    public static final BetaConfig MONAI_DEFAULT = new BetaConfig(1000, BetaSchedule.LINEAR_BETA, 1e-4, 2e-2);

    public BetaConfig {
        if (numTrainTimesteps < 2) {
            throw new IllegalArgumentException("num_train_timesteps must be at least 2, got " + numTrainTimesteps);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule is missing");
        }
        if (!(betaStart > 0 && betaStart < 1 && betaEnd > 0 && betaEnd < 1)) {
            throw new IllegalArgumentException("beta_start and beta_end must lie in (0, 1), got "
                    + betaStart + " and " + betaEnd);
        }
    }

    static BetaConfig read(ConfigJson json) {
        return new BetaConfig(
                json.integer("num_train_timesteps", MONAI_DEFAULT.numTrainTimesteps),
                json.choice("schedule", MONAI_DEFAULT.schedule),
                json.number("beta_start", MONAI_DEFAULT.betaStart),
                json.number("beta_end", MONAI_DEFAULT.betaEnd));
    }

    void write(JsonObject json) {
        json.addProperty("num_train_timesteps", numTrainTimesteps);
        json.addProperty("schedule", schedule.toString());
        json.addProperty("beta_start", betaStart);
        json.addProperty("beta_end", betaEnd);
    }

    AlphaSchedule tables() {
        return new AlphaSchedule(schedule, numTrainTimesteps, betaStart, betaEnd);
    }
}
