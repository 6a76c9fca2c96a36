package org.text2ct.pipeline.pkg;

import org.text2ct.diffusion.DdimConfig;
import org.text2ct.diffusion.DdimScheduler;
import org.text2ct.diffusion.DdpmConfig;
import org.text2ct.diffusion.DdpmScheduler;
import org.text2ct.diffusion.RectifiedFlowConfig;
import org.text2ct.diffusion.RectifiedFlowScheduler;
import org.text2ct.diffusion.Scheduler;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerEntry;

/** Builds the scheduler a manifest names from its MONAI-style config. */
public final class SchedulerFactory {
    private SchedulerFactory() {
    }

    public static Scheduler build(SchedulerEntry entry) throws ModelPackageException {
        String json = entry.config().toString();
        return ConfigParsing.parse("scheduler.config", "MONAI " + entry.type().label() + " scheduler", () ->
                switch (entry.type()) {
                    case RECTIFIED_FLOW -> new RectifiedFlowScheduler(RectifiedFlowConfig.fromJson(json));
                    case DDIM -> new DdimScheduler(DdimConfig.fromJson(json));
                    case DDPM -> new DdpmScheduler(DdpmConfig.fromJson(json));
                });
    }
}
