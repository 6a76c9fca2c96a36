package org.text2ct.pipeline.eval;

import java.util.List;
import java.util.Set;
import org.text2ct.eval.View;
import org.text2ct.volume.CtVolume;

/**
 * What to score.
 *
 * @param prompts empty for no CLIP score; one prompt for all generated volumes, or one per generated volume
 * @param views the views to score (the others are NaN in the result)
 * @param extractor a name known to {@link Extractors}, e.g. "vae-latent" or "resnet50"
 */
public record EvaluationRequest(List<CtVolume> generated, List<CtVolume> reference, List<String> prompts,
        Set<View> views, String extractor) {
    public EvaluationRequest {
        generated = List.copyOf(generated);
        reference = List.copyOf(reference);
        prompts = List.copyOf(prompts);
        views = Set.copyOf(views);
        if (generated.isEmpty() || reference.isEmpty()) {
            throw new IllegalArgumentException("FID needs at least one generated and one reference volume, got "
                    + generated.size() + " generated and " + reference.size() + " reference");
        }
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no view to score: name at least one of axial, sagittal, coronal");
        }
        if (prompts.size() > 1 && prompts.size() != generated.size()) {
            throw new IllegalArgumentException("give one prompt for all generated volumes or one per volume: "
                    + prompts.size() + " prompts for " + generated.size() + " generated volumes");
        }
    }

    /** The prompt of generated volume {@code i}; only when prompts are given. */
    public String promptOf(int i) {
        return prompts.size() == 1 ? prompts.get(0) : prompts.get(i);
    }
}
