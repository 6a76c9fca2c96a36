package org.text2ct.pipeline.eval;

/**
 * FID and CLIP score per view and their means over the scored views; a view not scored is NaN, and
 * every CLIP value is NaN when no prompts were given. Values from different extractors are not
 * comparable with each other or with published figures, so the extractor is part of the result.
 *
 * @param extractor the feature network that produced the FID values, with its weights, e.g. "vae-latent:autoencoder.safetensors"
 */
public record EvaluationResult(double fidAxial, double fidSagittal, double fidCoronal, double fidMean,
        double clipAxial, double clipSagittal, double clipCoronal, double clipMean, String extractor,
        int nGenerated, int nReference) {
}
