package org.text2ct.pipeline.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.text2ct.diffusion.PredictionType;
import org.text2ct.diffusion.Scheduler;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.SchedulerFactory;

class DefaultSchedulersTest {
    @ParameterizedTest
    @CsvSource({"RECTIFIED_FLOW, RectifiedFlowScheduler, 30", "DDIM, DdimScheduler, 50", "DDPM, DdpmScheduler, 1000"})
    void defaultsBuildThePublishedSchedulers(SchedulerType type, String scheduler, int steps) throws Exception {
        Scheduler s = SchedulerFactory.build(new SchedulerEntry(type,
                JsonParser.parseString(DefaultSchedulers.config(type)).getAsJsonObject(), DefaultSchedulers.steps(type)));
        assertEquals(scheduler, s.getClass().getSimpleName());
        assertEquals(steps, DefaultSchedulers.steps(type));
        if (type != SchedulerType.RECTIFIED_FLOW) {
            assertEquals(PredictionType.V_PREDICTION, s.predictionType());
        }
    }
}
