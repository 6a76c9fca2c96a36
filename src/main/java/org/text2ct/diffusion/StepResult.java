package org.text2ct.diffusion;

/** One denoising step: the sample at the next (lower) timestep and the prediction of the clean sample x₀. */
public record StepResult(float[] prevSample, float[] predOriginalSample) {
}
