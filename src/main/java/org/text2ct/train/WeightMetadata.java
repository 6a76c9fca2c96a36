package org.text2ct.train;

/** Metadata entries of weight files that the loaders and package assembly read, as the importers write them. */
public final class WeightMetadata {
    /** The network's config JSON (MONAI / Hugging Face argument names). */
    public static final String CONFIG = "config";
    /** The latent scale factor stored with a diffusion UNet. */
    public static final String SCALE_FACTOR = "scale_factor";

    private WeightMetadata() {
    }
}
