package org.text2ct.train;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.text2ct.text.PromptBuilder;
import org.text2ct.text.ReportSection;

/**
 * The prompt a training case contributes at one step: with probability {@code dropout} the empty
 * prompt (so the network also learns the unconditional prediction that classifier-free guidance
 * subtracts), else the paper's randomly selected, shuffled and paraphrased report sections, drawn
 * from {@code sections} only (all four by default; fewer make shorter prompts, in which a word
 * such as the side of a finding weighs more).
 */
public final class TrainingPrompts {
    private final PromptBuilder builder = new PromptBuilder();
    private final double dropout;
    private final Set<ReportSection> sections;

    public TrainingPrompts(double dropout) {
        this(dropout, EnumSet.allOf(ReportSection.class));
    }

    public TrainingPrompts(double dropout, Set<ReportSection> sections) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("prompt dropout must be in [0, 1), got " + dropout);
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("prompts need at least one report section");
        }
        this.dropout = dropout;
        this.sections = EnumSet.copyOf(sections);
    }

    /** Refuses a training set with a case that has no text in the chosen sections. */
    public void check(List<TrainingCase> cases) {
        for (TrainingCase c : cases) {
            if (c.sections().only(sections).present().isEmpty()) {
                throw new TrainingDataException("case " + c.caseId() + " has no text in the prompt sections "
                        + sections.stream().map(ReportSection::key).toList() + "; add them to its report or choose "
                        + "other sections");
            }
        }
    }

    public String prompt(TrainingCase c, SplittableRandom rng) {
        if (rng.nextDouble() < dropout) {
            return "";
        }
        return builder.forTraining(c.sections().only(sections), c.paraphrases().only(sections), rng);
    }
}
