package org.text2ct.diffusion;

/** Standard-normal noise for stochastic steps (DDPM, DDIM with eta &gt; 0); successive calls continue one stream. */
@FunctionalInterface
public interface NoiseSource {
    float[] next(int n);

    /** For deterministic runs: asking it for noise is a configuration error, reported as such. */
    NoiseSource NONE = n -> {
        throw new IllegalStateException("this step is stochastic and needs a noise source; "
                + "start the run with timesteps(steps, shape, noise)");
    };
}
