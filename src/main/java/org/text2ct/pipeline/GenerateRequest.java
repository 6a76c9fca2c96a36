package org.text2ct.pipeline;

import java.util.Arrays;

/**
 * One volume to generate: prompt, seed, steps, guidance scale, output size (voxels) and spacing
 * (mm), and the VAE split count (0 = automatic). Invalid values fail here with the reason.
 */
public record GenerateRequest(String prompt, long seed, int steps, double guidanceScale, int[] size,
        double[] spacing, int splits) {

    public GenerateRequest {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("the prompt is empty: describe the CT to generate");
        }
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("steps must be between 1 and 1000, got " + steps);
        }
        if (!(guidanceScale >= 1.0) || Double.isInfinite(guidanceScale)) {
            throw new IllegalArgumentException("guidance scale must be ≥ 1 (1 = no guidance), got " + guidanceScale);
        }
        if (size == null || size.length != 3 || Arrays.stream(size).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("size must be three positive voxel counts X,Y,Z, got "
                    + Arrays.toString(size));
        }
        if (spacing == null || spacing.length != 3 || Arrays.stream(spacing).anyMatch(s -> !(s > 0) || Double.isInfinite(s))) {
            throw new IllegalArgumentException("spacing must be three positive millimetre values, got "
                    + Arrays.toString(spacing));
        }
        if (splits < 0) {
            throw new IllegalArgumentException("splits must be ≥ 1, or 0 for automatic, got " + splits);
        }
        size = size.clone();
        spacing = spacing.clone();
    }

    /** The latent size for a model, or an error naming the multiple the size must be. */
    public int[] latentSize(GenerationModel model) {
        int factor = model.latentFactor();
        int multiple = factor * model.latentMultiple();
        int[] latent = new int[3];
        for (int i = 0; i < 3; i++) {
            if (size[i] % multiple != 0) {
                throw new IllegalArgumentException("size " + Arrays.toString(size) + " must be a multiple of " + multiple
                        + " in every axis for this model (VAE factor " + factor + " × UNet factor "
                        + model.latentMultiple() + "), e.g. " + (size[i] / multiple + 1) * multiple);
            }
            latent[i] = size[i] / factor;
        }
        return latent;
    }
}
