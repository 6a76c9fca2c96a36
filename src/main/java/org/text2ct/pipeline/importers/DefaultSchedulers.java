package org.text2ct.pipeline.importers;

import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;

/** Scheduler settings of the published models (MODEL-FACTS.md, Schedulers), used when none are given. */
public final class DefaultSchedulers {
    private static final String RECTIFIED_FLOW = "{\"num_train_timesteps\":1000,\"use_discrete_timesteps\":true,"
            + "\"use_timestep_transform\":true,\"base_img_size_numel\":32768,\"spatial_dim\":3}";
    private static final String SCALED_LINEAR_V = "{\"num_train_timesteps\":1000,\"schedule\":\"scaled_linear_beta\","
            + "\"beta_start\":0.0015,\"beta_end\":0.0195,\"clip_sample\":false,\"prediction_type\":\"v_prediction\"}";

    private DefaultSchedulers() {
    }

    public static String config(SchedulerType type) {
        return type == SchedulerType.RECTIFIED_FLOW ? RECTIFIED_FLOW : SCALED_LINEAR_V;
    }

    public static int steps(SchedulerType type) {
        return switch (type) {
            case RECTIFIED_FLOW -> 30;
            case DDIM -> 50;
            case DDPM -> 1000;
        };
    }
}
