package org.text2ct.pipeline.eval;

import java.io.IOException;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;

/**
 * The evaluation use case: generated volumes against reference volumes, FID per view and CLIP
 * score per view. Menus, macros and the CLI call it; an implementation registers itself in
 * {@code META-INF/services/org.text2ct.pipeline.eval.Evaluation} so the Fiji command finds it
 * without a compile-time dependency on how features are extracted.
 */
public interface Evaluation {
    EvaluationResult evaluate(EvaluationRequest request, ProgressListener progress, CancelToken cancel) throws IOException;
}
