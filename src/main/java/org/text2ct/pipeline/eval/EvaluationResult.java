package org.text2ct.pipeline.eval;

/** FID and CLIP score per view and their means over the scored views; NaN where not computed. */
public record EvaluationResult(double fidAxial, double fidSagittal, double fidCoronal, double fidMean,
        double clipAxial, double clipSagittal, double clipCoronal, double clipMean, String extractor,
        int nGenerated, int nReference) {
}
