package org.text2ct.train.faithfulness;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.text2ct.text.PromptBuilder;
import org.text2ct.train.phantom.CaseSampler;
import org.text2ct.train.phantom.Phantom;
import org.text2ct.train.phantom.PhantomGenerator;
import org.text2ct.train.phantom.PhantomGrid;
import org.text2ct.train.phantom.PhantomLabels;
import org.text2ct.train.phantom.PhantomVolumes;
import org.text2ct.train.phantom.ReportWriter;
import org.text2ct.volume.CtVolume;

/**
 * A case the model did not train on: its labels, the prompt its report gives (all sections, as
 * at inference), and the phantom drawn for it, which serves as the reference volume for FID.
 */
public record HeldOutCase(PhantomLabels labels, String prompt, CtVolume reference) {

    /**
     * Draws {@code n} cases the way {@code make-phantoms} does; pick a seed other than the training
     * set's so the prompts are held back.
     */
    public static List<HeldOutCase> sample(int n, long seed, PhantomGrid grid) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 cases for FID, got " + n);
        }
        PromptBuilder prompts = new PromptBuilder();
        SplittableRandom master = new SplittableRandom(seed);
        List<HeldOutCase> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = new SplittableRandom(master.nextLong());
            PhantomLabels labels = CaseSampler.sample(rng);
            String prompt = prompts.forInference(ReportWriter.write(labels, rng).sections());
            Phantom p = PhantomGenerator.generate(labels, grid, rng.nextLong());
            out.add(new HeldOutCase(labels, prompt, PhantomVolumes.toCtVolume(p.hu(), grid)));
        }
        return out;
    }
}
