package org.text2ct.pipeline.importers;

/** Metadata keys that importers write into the safetensors files they produce. */
public final class ImportMetadata {
    /** The network's constructor arguments as JSON (MONAI or Hugging Face names). */
    public static final String CONFIG = "config";
    /** The file name the weights were imported from. */
    public static final String SOURCE = "source";
    /** SHA-256 of that file, so a package records exactly which checkpoint it came from. */
    public static final String SOURCE_SHA256 = "source_sha256";
    /** The latent scale factor stored beside a MAISI diffusion UNet's weights. */
    public static final String SCALE_FACTOR = "scale_factor";

    private ImportMetadata() {
    }
}
