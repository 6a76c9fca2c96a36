package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.text2ct.text.ReportSections;

class TrainingPromptsTest {
    private static final TrainingCase CASE = new TrainingCase("c", "c.nii.gz",
            new ReportSections("Chest CT.", "Female, 61.", "Nodule in the right upper lobe.", "Suspicious nodule."), null, null);

    @Test
    void dropoutRateIsRespected() {
        TrainingPrompts p = new TrainingPrompts(0.1);
        SplittableRandom rng = new SplittableRandom(11);
        int empty = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            if (p.prompt(CASE, rng).isEmpty()) {
                empty++;
            }
        }
        // Binomial(20000, 0.1): standard deviation 0.0021, so ±0.008 is almost four of them.
        assertEquals(0.1, (double) empty / n, 0.008);
    }

    @Test
    void withoutDropoutEveryPromptHasText() {
        TrainingPrompts p = new TrainingPrompts(0);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 1000; i++) {
            assertFalse(p.prompt(CASE, rng).isBlank());
        }
    }

    @Test
    void rateOutsideRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingPrompts(1.0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPrompts(-0.1));
    }
}
