package org.text2ct.train.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.text2ct.text.ReportSections;
import org.text2ct.text.SectionParaphrases;
import org.text2ct.text.Shuffling;

/**
 * Writes a radiology report that says what the labels say, choosing among several phrasings. The
 * filed report names lobes as "left lower lobe"; each paraphrase may reword lobes, reorder the
 * findings and leave out the normal statements, as the paper's language-model rewrites vary in
 * detail and style while keeping the meaning.
 */
public final class ReportWriter {

    public static final int PARAPHRASES = 3;

    private ReportWriter() {
    }

    public static PhantomReport write(PhantomLabels labels, SplittableRandom rng) {
        ReportSections filed = sections(labels, rng, false);
        List<List<String>> alt = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int p = 0; p < PARAPHRASES; p++) {
            ReportSections s = sections(labels, rng, true);
            alt.get(0).add(s.description());
            alt.get(1).add(s.demographics());
            alt.get(2).add(s.findings());
            alt.get(3).add(s.impressions());
        }
        return new PhantomReport(filed, new SectionParaphrases(alt.get(0), alt.get(1), alt.get(2), alt.get(3)));
    }

    private static ReportSections sections(PhantomLabels labels, SplittableRandom rng, boolean paraphrase) {
        Patient p = labels.patient();
        String description = pick(ReportTemplates.DESCRIPTION, rng)
                + (paraphrase && rng.nextBoolean() ? "" : " " + pick(ReportTemplates.COVERAGE, rng));
        String demographics = fill(pick(ReportTemplates.DEMOGRAPHICS, rng), null, p, null);
        return new ReportSections(description, demographics, findings(labels, rng, paraphrase),
                impressions(labels, rng, paraphrase));
    }

    private static String findings(PhantomLabels labels, SplittableRandom rng, boolean paraphrase) {
        List<String> abnormal = new ArrayList<>();
        for (Finding f : labels.findings()) {
            String template = pick(ReportTemplates.FINDING.get(f.type()), rng);
            abnormal.add(fill(template, f, labels.patient(), where(f, rng, paraphrase)));
        }
        if (paraphrase) {
            Shuffling.shuffle(abnormal, rng);
        }
        List<String> normal = new ArrayList<>();
        if (!labels.has(FindingType.SOLID_NODULE) && !labels.has(FindingType.GROUND_GLASS_NODULE)) {
            normal.add(pick(ReportTemplates.NO_NODULE, rng));
        }
        if (!labels.has(FindingType.CONSOLIDATION) && !labels.has(FindingType.EMPHYSEMA)) {
            normal.add(pick(ReportTemplates.CLEAR_LUNGS, rng));
        }
        if (!labels.has(FindingType.PLEURAL_EFFUSION)) {
            normal.add(pick(ReportTemplates.NO_EFFUSION, rng));
        }
        if (!labels.has(FindingType.CARDIOMEGALY)) {
            normal.add(pick(ReportTemplates.NORMAL_HEART, rng));
        }
        normal.add(pick(ReportTemplates.AIRWAYS, rng));
        boolean terse = paraphrase && !abnormal.isEmpty() && rng.nextBoolean();
        List<String> all = new ArrayList<>(abnormal);
        if (!terse) {
            all.addAll(normal);
        }
        return String.join(" ", all);
    }

    private static String impressions(PhantomLabels labels, SplittableRandom rng, boolean paraphrase) {
        if (labels.isNormal()) {
            return pick(ReportTemplates.NORMAL_IMPRESSION, rng);
        }
        List<String> out = new ArrayList<>();
        for (Finding f : labels.findings()) {
            String template = pick(ReportTemplates.IMPRESSION.get(f.type()), rng);
            out.add(fill(template, f, labels.patient(), where(f, rng, paraphrase)));
        }
        return String.join(" ", out);
    }

    /** Where a finding is: "left lower lobe" in the filed report, sometimes reworded in paraphrases. */
    private static String where(Finding f, SplittableRandom rng, boolean paraphrase) {
        if (f.lobe() == null) {
            return null;
        }
        String template = paraphrase ? pick(ReportTemplates.LOBE_ALTERNATIVES, rng) : "{side} {lobe} lobe";
        return template.replace("{side}", f.side().word()).replace("{lobe}", f.lobe().word());
    }

    private static String fill(String template, Finding f, Patient p, String where) {
        String sex = p.sex() == Sex.MALE ? "male" : "female";
        String out = template.replace("{age}", Integer.toString(p.age()))
                .replace("{sex}", sex).replace("{Sex}", capitalize(sex))
                .replace("{man}", p.sex() == Sex.MALE ? "man" : "woman");
        if (f != null) {
            if (f.sizeMm() != null) {
                out = out.replace("{size}", Long.toString(Math.round(f.sizeMm())));
            }
            if (f.side() != null) {
                out = out.replace("{side}", f.side().word()).replace("{Side}", capitalize(f.side().word()));
            }
            if (f.amount() != null) {
                out = out.replace("{amount}", f.amount().word()).replace("{Amount}", capitalize(f.amount().word()));
            }
        }
        if (where != null) {
            out = out.replace("{where}", where).replace("{Where}", capitalize(where));
        }
        return out;
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
