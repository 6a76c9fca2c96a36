package org.text2ct.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    private static final ReportSections REPORT = new ReportSections(
            "Non-contrast chest CT.", "64-year-old male.", "A 12 mm solid nodule is seen in the left lower lobe.",
            "Left lower lobe solid nodule, 12 mm.");
    private static final SectionParaphrases PARAPHRASES = new SectionParaphrases(
            List.of("CT of the thorax without contrast."), List.of("Male, age 64."),
            List.of("Solid nodule of 12 mm in the lower lobe of the left lung."), List.of());

    @Test
    void inferenceJoinsSectionsInReportOrderAndEndsEachAsASentence() {
        ReportSections partial = new ReportSections("Chest CT", " ", "Cardiomegaly", null);
        assertEquals("Chest CT. Cardiomegaly.", new PromptBuilder().forInference(partial));
        assertEquals("Non-contrast chest CT. 64-year-old male. A 12 mm solid nodule is seen in the left lower lobe. "
                + "Left lower lobe solid nodule, 12 mm.", new PromptBuilder().forInference(REPORT));
    }

    @Test
    void trainingPromptIsDeterministicForASeed() {
        PromptBuilder b = new PromptBuilder();
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(b.forTraining(REPORT, PARAPHRASES, seed), b.forTraining(REPORT, PARAPHRASES, seed));
        }
    }

    @Test
    void trainingSelectsShufflesAndReplacesSections() {
        PromptBuilder b = new PromptBuilder();
        Set<String> prompts = new HashSet<>();
        Set<String> firstParts = new HashSet<>();
        int withParaphrase = 0, partial = 0;
        for (long seed = 0; seed < 400; seed++) {
            String p = b.forTraining(REPORT, PARAPHRASES, seed);
            prompts.add(p);
            firstParts.add(p.substring(0, p.indexOf('.') + 1));
            if (p.contains("lower lobe of the left lung") || p.contains("Male, age 64.")) {
                withParaphrase++;
            }
            if (countSections(p) < 4) {
                partial++;
            }
        }
        assertTrue(prompts.size() > 40, "only " + prompts.size() + " distinct prompts");
        assertTrue(withParaphrase > 100 && withParaphrase < 350, "paraphrased: " + withParaphrase);
        assertTrue(partial > 200, "prompts missing a section: " + partial);
        // Every section, in original or paraphrased wording, shows up first in some prompt.
        assertTrue(firstParts.containsAll(Set.of("Non-contrast chest CT.", "64-year-old male.",
                "A 12 mm solid nodule is seen in the left lower lobe.", "Left lower lobe solid nodule, 12 mm.")), firstParts::toString);
    }

    @Test
    void keepingAllAndReplacingNoneOnlyReordersTheReport() {
        PromptBuilder b = new PromptBuilder(new PromptBuilder.Options(1, 0));
        Set<String> orders = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            String p = b.forTraining(REPORT, PARAPHRASES, seed);
            assertEquals(new PromptBuilder().forInference(REPORT).length(), p.length());
            for (ReportSection s : ReportSection.values()) {
                assertTrue(p.contains(REPORT.get(s)), s + " missing from " + p);
            }
            orders.add(p);
        }
        assertTrue(orders.size() >= 20, "only " + orders.size() + " orders of 24");
    }

    @Test
    void replacingAlwaysUsesAParaphraseWhereOneExists() {
        PromptBuilder b = new PromptBuilder(new PromptBuilder.Options(1, 1));
        String p = b.forTraining(REPORT, PARAPHRASES, 7);
        assertTrue(p.contains("CT of the thorax without contrast.") && p.contains("Male, age 64."), p);
        assertTrue(p.contains("lower lobe of the left lung") && p.contains(REPORT.impressions()), p);
        assertNotEquals(-1, p.indexOf("Left lower lobe solid nodule"));
    }

    @Test
    void rejectsEmptyReportsAndBadProbabilities() {
        ReportSections empty = new ReportSections(null, "", " ", null);
        assertThrows(IllegalArgumentException.class, () -> new PromptBuilder().forTraining(empty, SectionParaphrases.NONE, 1));
        assertThrows(IllegalArgumentException.class, () -> new PromptBuilder.Options(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new PromptBuilder.Options(0.5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new PromptBuilder.Options(Double.NaN, 0.5));
    }

    private static int countSections(String prompt) {
        int n = 0;
        for (String marker : List.of("CT", "64", "12 mm solid nodule is", "Solid nodule of", "nodule, 12 mm")) {
            n += prompt.contains(marker) ? 1 : 0;
        }
        return Math.min(4, n);
    }
}
