package org.text2ct.model.vae;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * How to split a VAE pass: the number of pieces (0 = choose from free memory), the spatial axis
 * (0, 1 or 2 after the channel axis, as MONAI's dim_split), where activations too large for
 * memory go, and a hook that throws to cancel between slabs.
 */
public record SplitOptions(int splits, int dim, Path scratchDir, Runnable cancelCheck) {
    public static final String SCRATCH_PROPERTY = "text2ct.scratch.dir";

    public SplitOptions {
        if (splits < 0) {
            throw new IllegalArgumentException("number of splits must be ≥ 1 (or 0 for automatic), got " + splits);
        }
        if (dim < 0 || dim > 2) {
            throw new IllegalArgumentException("split dim must be 0, 1 or 2 (a spatial axis), got " + dim);
        }
    }

    public static SplitOptions auto() {
        return new SplitOptions(0, 0, defaultScratch(), () -> { });
    }

    public static SplitOptions of(int splits, int dim) {
        return new SplitOptions(splits, dim, defaultScratch(), () -> { });
    }

    public SplitOptions withSplits(int n) {
        return new SplitOptions(n, dim, scratchDir, cancelCheck);
    }

    /** The scratch folder: property {@value #SCRATCH_PROPERTY}, else the system temp folder. */
    public static Path defaultScratch() {
        String p = System.getProperty(SCRATCH_PROPERTY);
        return p == null || p.isBlank() ? Paths.get(System.getProperty("java.io.tmpdir")) : Paths.get(p);
    }
}
