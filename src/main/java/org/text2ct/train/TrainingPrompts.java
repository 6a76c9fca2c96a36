package org.text2ct.train;

import java.util.SplittableRandom;
import org.text2ct.text.PromptBuilder;

/**
 * The prompt a training case contributes at one step: with probability {@code dropout} the empty
 * prompt (so the network also learns the unconditional prediction that classifier-free guidance
 * subtracts), else the paper's randomly selected, shuffled and paraphrased report sections.
 */
public final class TrainingPrompts {
    private final PromptBuilder builder = new PromptBuilder();
    private final double dropout;

    public TrainingPrompts(double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("prompt dropout must be in [0, 1), got " + dropout);
        }
        this.dropout = dropout;
    }

    public String prompt(TrainingCase c, SplittableRandom rng) {
        if (rng.nextDouble() < dropout) {
            return "";
        }
        return builder.forTraining(c.sections(), c.paraphrases(), rng);
    }
}
