package org.text2ct.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns report sections into the text prompt (paper §3.1). At training time it randomly selects a
 * subset of the sections, shuffles their order and replaces some with a paraphrase, so the model
 * learns to follow prompts of any structure and wording; the same seed always gives the same
 * prompt. At inference it joins whatever sections it gets, in report order, unchanged.
 */
public final class PromptBuilder {

    /**
     * @param keepProbability chance that each available section is selected (at least one always is)
     * @param replaceProbability chance that a selected section is swapped for one of its paraphrases
     */
    public record Options(double keepProbability, double replaceProbability) {

        public static final Options DEFAULT = new Options(0.6, 0.5);

        public Options {
            check("keep probability", keepProbability);
            check("replace probability", replaceProbability);
            if (keepProbability == 0) {
                throw new IllegalArgumentException("keep probability must be > 0, or no section is ever kept");
            }
        }

        private static void check(String name, double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
            }
        }
    }

    private final Options options;

    public PromptBuilder(Options options) {
        this.options = options;
    }

    public PromptBuilder() {
        this(Options.DEFAULT);
    }

    public String forInference(ReportSections sections) {
        List<String> parts = new ArrayList<>();
        for (ReportSection s : sections.present()) {
            parts.add(sections.get(s));
        }
        return join(parts);
    }

    public String forTraining(ReportSections sections, SectionParaphrases paraphrases, long seed) {
        return forTraining(sections, paraphrases, new SplittableRandom(seed));
    }

    public String forTraining(ReportSections sections, SectionParaphrases paraphrases, SplittableRandom rng) {
        List<ReportSection> available = sections.present();
        if (available.isEmpty()) {
            throw new IllegalArgumentException("the report has no section with text");
        }
        List<ReportSection> chosen = new ArrayList<>();
        for (ReportSection s : available) {
            if (rng.nextDouble() < options.keepProbability()) {
                chosen.add(s);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(available.get(rng.nextInt(available.size())));
        }
        Shuffling.shuffle(chosen, rng);
        List<String> parts = new ArrayList<>();
        for (ReportSection s : chosen) {
            List<String> alternatives = paraphrases.of(s);
            boolean replace = !alternatives.isEmpty() && rng.nextDouble() < options.replaceProbability();
            parts.add(replace ? alternatives.get(rng.nextInt(alternatives.size())) : sections.get(s));
        }
        return join(parts);
    }


    /** One space between sections, each ending as a sentence so that boundaries survive shuffling. */
    private static String join(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
            char last = t.charAt(t.length() - 1);
            if (last != '.' && last != '!' && last != '?') {
                sb.append('.');
            }
        }
        return sb.toString();
    }
}
