package org.text2ct.eval;

/**
 * 2.5D FID of generated against reference volumes: one Fréchet distance per view and their mean.
 * Values from different feature extractors are not comparable, so the extractor is part of the result.
 *
 * @param nGenerated number of generated volumes
 * @param nReference number of reference volumes
 */
public record FidResult(double axial, double sagittal, double coronal, String extractor, int nGenerated,
        int nReference) {
    public double get(View view) {
        return switch (view) {
            case AXIAL -> axial;
            case SAGITTAL -> sagittal;
            case CORONAL -> coronal;
        };
    }

    /** The paper's headline number: the average over the three views. */
    public double mean() {
        return (axial + sagittal + coronal) / 3;
    }
}
