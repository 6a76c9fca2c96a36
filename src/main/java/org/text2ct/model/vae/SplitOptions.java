package org.text2ct.model.vae;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * How to split a VAE pass: the number of pieces (0 = choose from free memory), the spatial axis
 * (0, 1 or 2 after the channel axis, as MONAI's dim_split), the memory budget in bytes (0 = 80 %
 * of what the system has available), where activations beyond the budget go, and a hook that
 * throws to cancel between slabs.
 */
public record SplitOptions(int splits, int dim, long memoryBudget, Path scratchDir, Runnable cancelCheck) {
    public static final String SCRATCH_PROPERTY = "text2ct.scratch.dir";

    public SplitOptions {
        if (splits < 0) {
            throw new IllegalArgumentException("number of splits must be ≥ 1 (or 0 for automatic), got " + splits);
        }
        if (dim < 0 || dim > 2) {
            throw new IllegalArgumentException("split dim must be 0, 1 or 2 (a spatial axis), got " + dim);
        }
        if (memoryBudget < 0) {
            throw new IllegalArgumentException("memory budget must be ≥ 0 bytes (0 = automatic), got " + memoryBudget);
        }
    }

    public static SplitOptions auto() {
        return new SplitOptions(0, 0, 0, defaultScratch(), () -> { });
    }

    public static SplitOptions of(int splits, int dim) {
        return new SplitOptions(splits, dim, 0, defaultScratch(), () -> { });
    }

    public SplitOptions withSplits(int n) {
        return new SplitOptions(n, dim, memoryBudget, scratchDir, cancelCheck);
    }

    public SplitOptions withMemoryBudget(long bytes) {
        return new SplitOptions(splits, dim, bytes, scratchDir, cancelCheck);
    }

    public SplitOptions withScratchDir(Path dir) {
        return new SplitOptions(splits, dim, memoryBudget, dir, cancelCheck);
    }

    public SplitOptions withCancelCheck(Runnable check) {
        return new SplitOptions(splits, dim, memoryBudget, scratchDir, check);
    }

    /** The budget in bytes: the explicit one, or 80 % of the memory available now. */
    public long effectiveBudget() {
        return memoryBudget > 0 ? memoryBudget : (long) (MemoryPlanner.availableBytes() * 0.8);
    }

    /** The scratch folder: property {@value #SCRATCH_PROPERTY}, else the system temp folder. */
    public static Path defaultScratch() {
        String p = System.getProperty(SCRATCH_PROPERTY);
        return p == null || p.isBlank() ? Paths.get(System.getProperty("java.io.tmpdir")) : Paths.get(p);
    }
}
