package org.text2ct.pipeline.eval;

import java.util.List;
import java.util.Set;
import org.text2ct.eval.View;

/**
 * @param prompts one per generated volume for CLIP scores, or empty to skip CLIP (NaN results)
 * @param extractor the feature network: a known name or a path to an imported network
 * @param views the views to score; others are NaN in the result
 */
public record EvaluationRequest(List<VolumeSource> generated, List<VolumeSource> reference, List<String> prompts,
        String extractor, Set<View> views) {

    public EvaluationRequest {
        if (generated.isEmpty() || reference.isEmpty()) {
            throw new IllegalArgumentException("both sets need volumes: got " + generated.size() + " generated and "
                    + reference.size() + " reference");
        }
        if (!prompts.isEmpty() && prompts.size() != generated.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts for " + generated.size()
                    + " generated volumes: give one prompt per volume, or none to skip CLIP");
        }
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no views: choose axial, sagittal and/or coronal");
        }
        generated = List.copyOf(generated);
        reference = List.copyOf(reference);
        prompts = List.copyOf(prompts);
        views = Set.copyOf(views);
    }
}
