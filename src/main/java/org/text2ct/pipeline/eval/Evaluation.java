package org.text2ct.pipeline.eval;

import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;

/** Scores generated CT volumes against reference volumes: 2.5D FID and CLIP score per view. */
public interface Evaluation {
    /**
     * @throws java.util.concurrent.CancellationException when {@code cancel} is set between steps
     * @throws IllegalArgumentException for empty sets, no views, an unknown extractor, or prompts
     *     that do not match the generated volumes
     */
    EvaluationResult evaluate(EvaluationRequest request, ProgressListener progress, CancelToken cancel);
}
