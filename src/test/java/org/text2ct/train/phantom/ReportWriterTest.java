package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.text2ct.text.ReportSection;
import org.text2ct.text.ReportSections;

class ReportWriterTest {

    @Test
    void filedReportNamesTheLabelledLobeSideAndSize() {
        PhantomLabels labels = new PhantomLabels(new Patient(67, Sex.FEMALE, 0.3), List.of(
                Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.LOWER, 14),
                Finding.effusion(Side.RIGHT, Amount.SMALL)));
        for (long seed = 0; seed < 20; seed++) {
            ReportSections s = ReportWriter.write(labels, new SplittableRandom(seed)).sections();
            String findings = s.findings().toLowerCase(Locale.ROOT);
            assertTrue(findings.contains("left lower lobe") && findings.contains("14 mm"), s.findings());
            assertTrue(findings.contains("small") && findings.contains("right pleural")
                    || findings.contains("fluid in the right pleural space"), s.findings());
            assertFalse(findings.contains("no pleural effusion"), s.findings());
            assertTrue(s.impressions().toLowerCase(Locale.ROOT).contains("left lower lobe")
                    || s.impressions().contains("Solid nodule in the left lower lobe"), s.impressions());
            assertTrue(s.demographics().contains("67") && s.demographics().toLowerCase(Locale.ROOT).matches(".*(female|woman).*"),
                    s.demographics());
            assertTrue(s.description().matches("(?i).*(non-contrast|without intravenous contrast|unenhanced).*"), s.description());
        }
    }

    @Test
    void normalStudySaysSo() {
        PhantomLabels normal = new PhantomLabels(new Patient(45, Sex.MALE, 0.5), List.of());
        ReportSections s = ReportWriter.write(normal, new SplittableRandom(3)).sections();
        assertTrue(ReportTemplates.NORMAL_IMPRESSION.contains(s.impressions()), s.impressions());
        assertTrue(s.findings().matches(".*(No pulmonary nodules|No suspicious pulmonary nodule).*"), s.findings());
        assertTrue(s.findings().matches(".*(Heart size is normal|The heart is not enlarged).*"), s.findings());
    }

    @Test
    void sampledReportsAreCompleteConsistentAndVaried() {
        SplittableRandom rng = new SplittableRandom(5);
        Set<String> findingsTexts = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            PhantomLabels labels = CaseSampler.sample(rng);
            PhantomReport r = ReportWriter.write(labels, rng);
            assertEquals(List.of(ReportSection.values()), r.sections().present());
            for (ReportSection s : ReportSection.values()) {
                assertEquals(ReportWriter.PARAPHRASES, r.paraphrases().of(s).size());
                assertFalse(r.sections().get(s).contains("{"), r.sections().get(s));
                r.paraphrases().of(s).forEach(p -> assertFalse(p.contains("{") || p.isBlank(), p));
            }
            for (Finding f : labels.findings()) {
                String text = r.sections().findings().toLowerCase(Locale.ROOT);
                if (f.lobe() != null) {
                    assertTrue(text.contains(f.lobe().phrase(f.side())), f + " not in: " + text);
                }
                if (f.type() == FindingType.PLEURAL_EFFUSION) {
                    assertTrue(text.contains(f.amount().word()) && text.contains(f.side().word()), text);
                }
            }
            findingsTexts.add(r.sections().findings());
        }
        assertTrue(findingsTexts.size() > 150, "only " + findingsTexts.size() + " distinct findings sections");
    }

    @Test
    void sameSeedSameReport() {
        PhantomLabels labels = CaseSampler.sample(new SplittableRandom(8));
        assertEquals(ReportWriter.write(labels, new SplittableRandom(1)), ReportWriter.write(labels, new SplittableRandom(1)));
    }
}
