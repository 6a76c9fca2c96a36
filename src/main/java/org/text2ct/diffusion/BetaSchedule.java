package org.text2ct.diffusion;

/** MONAI's beta noise schedules ({@code schedule} argument) that this engine implements, in float32. */
public enum BetaSchedule {
    /** Betas evenly spaced from beta_start to beta_end. */
    LINEAR_BETA("linear_beta"),
    /** Square roots of the betas evenly spaced, then squared (MAISI's schedule). */
    SCALED_LINEAR_BETA("scaled_linear_beta");

    private final String label;

    BetaSchedule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The betas; beta_start and beta_end are rounded to float32 where PyTorch rounds them. */
    float[] betas(int numTrainTimesteps, double betaStart, double betaEnd) {
        return switch (this) {
            case LINEAR_BETA -> TorchLinspace.of((float) betaStart, (float) betaEnd, numTrainTimesteps);
            case SCALED_LINEAR_BETA -> {
                float[] roots = TorchLinspace.of((float) Math.sqrt(betaStart), (float) Math.sqrt(betaEnd),
                        numTrainTimesteps);
                for (int i = 0; i < roots.length; i++) {
                    roots[i] = roots[i] * roots[i];
                }
                yield roots;
            }
        };
    }
}
