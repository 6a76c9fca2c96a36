package org.text2ct.pipeline.verify;

import org.text2ct.diffusion.BetaConfig;
import org.text2ct.diffusion.BetaSchedule;
import org.text2ct.diffusion.ClipConfig;
import org.text2ct.diffusion.DdimConfig;
import org.text2ct.diffusion.DdimScheduler;
import org.text2ct.diffusion.DdpmConfig;
import org.text2ct.diffusion.DdpmScheduler;
import org.text2ct.diffusion.PredictionType;
import org.text2ct.diffusion.RectifiedFlowConfig;
import org.text2ct.diffusion.RectifiedFlowScheduler;

/**
 * The scheduler configurations the reference fixtures were made with (fixtures README,
 * cases.json "schedulers"): scaled-linear betas 0.0015–0.0195 over 1000 steps, v-prediction,
 * no clipping; rectified flow with discrete timesteps and the transform by latent size (base 32³).
 */
final class ReferenceSchedulers {
    static final BetaConfig BETAS = new BetaConfig(1000, BetaSchedule.SCALED_LINEAR_BETA, 0.0015, 0.0195);
    static final DdpmScheduler DDPM = new DdpmScheduler(new DdpmConfig(
            BETAS, DdpmConfig.VarianceType.FIXED_SMALL, ClipConfig.OFF, PredictionType.V_PREDICTION));
    static final DdimScheduler DDIM = new DdimScheduler(new DdimConfig(
            BETAS, ClipConfig.OFF, true, 0, PredictionType.V_PREDICTION, 0));
    static final RectifiedFlowScheduler RFLOW = new RectifiedFlowScheduler(new RectifiedFlowConfig(
            1000, true, true, 0, 32 * 32 * 32, 3));

    private ReferenceSchedulers() {
    }
}
