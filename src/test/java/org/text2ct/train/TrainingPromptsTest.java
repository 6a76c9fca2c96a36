package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.text2ct.text.ReportSection;
import org.text2ct.text.ReportSections;
import org.text2ct.text.SectionParaphrases;

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

    /** Choosing sections is the same as training on reports that have only those: same prompts, same draws. */
    @Test
    void chosenSectionsOnlyAsIfTheOthersWereMissing() {
        SectionParaphrases para = new SectionParaphrases(List.of("Thorax CT."), List.of("61-year-old woman."),
                List.of("Right upper lobe nodule."), List.of("Nodule, right upper lobe.", "Suspicious RUL nodule."));
        TrainingCase full = new TrainingCase("c", "c.nii.gz", CASE.sections(), para, null);
        TrainingCase reduced = new TrainingCase("c", "c.nii.gz", new ReportSections("", "", "", "Suspicious nodule."),
                new SectionParaphrases(List.of(), List.of(), List.of(), para.impressions()), null);
        TrainingPrompts chosen = new TrainingPrompts(0.1, EnumSet.of(ReportSection.IMPRESSIONS));
        TrainingPrompts all = new TrainingPrompts(0.1);
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String p = chosen.prompt(full, a);
            assertEquals(all.prompt(reduced, b), p);
            seen.add(p);
        }
        assertEquals(Set.of("", "Suspicious nodule.", "Nodule, right upper lobe.", "Suspicious RUL nodule."), seen);
    }

    @Test
    void caseWithoutTheChosenSectionsIsNamed() {
        TrainingPrompts findings = new TrainingPrompts(0, EnumSet.of(ReportSection.FINDINGS));
        TrainingCase none = new TrainingCase("p7", "p7.nii.gz", new ReportSections("CT.", null, " ", "Normal."), null,
                null);
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> findings.check(List.of(CASE, none)));
        assertEquals("case p7 has no text in the prompt sections [findings]; add them to its report or choose other "
                + "sections", e.getMessage());
    }

    @Test
    void rateOutsideRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingPrompts(1.0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPrompts(-0.1));
    }
}
