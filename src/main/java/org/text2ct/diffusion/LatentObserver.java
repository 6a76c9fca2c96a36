package org.text2ct.diffusion;

/** Sees the latent after each step (1-based), e.g. to check a run against a reference. */
@FunctionalInterface
public interface LatentObserver {
    void afterStep(int step, float[] latent);

    LatentObserver NONE = (step, latent) -> { };
}
