package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepClockTest {
    @Test
    void reportsElapsedTimeAndEstimateAfterEachStep() {
        long[] now = {5_000_000_000L};
        List<double[]> reports = new ArrayList<>();
        StepClock clock = new StepClock((step, total, elapsed, eta) ->
                reports.add(new double[] {step, total, elapsed, eta}), 4, () -> now[0]);
        now[0] += 2_000_000_000L;
        clock.stepDone();
        now[0] += 4_000_000_000L;
        clock.stepDone();
        assertArrayEquals(new double[] {1, 4, 2, 6}, reports.get(0), 1e-12);
        assertArrayEquals(new double[] {2, 4, 6, 6}, reports.get(1), 1e-12);
        clock.stepDone();
        clock.stepDone();
        assertEquals(0, reports.get(3)[3]);
        assertThrows(IllegalStateException.class, clock::stepDone);
    }
}
