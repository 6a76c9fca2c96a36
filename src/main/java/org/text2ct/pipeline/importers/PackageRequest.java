package org.text2ct.pipeline.importers;

import java.nio.file.Path;
import org.text2ct.pipeline.pkg.ModelManifest.Guidance;
import org.text2ct.pipeline.pkg.ModelManifest.Output;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;

/**
 * What {@link PackageAssembler} needs: imported parts (the text encoder folder holds
 * text_encoder.safetensors and tokenizer.json, or is null for type none) and the sampling settings.
 * {@code schedulerConfigJson}, {@code steps} and {@code scaleFactor} may be null for the defaults
 * (the scheduler's published settings; the scale factor stored with the UNet).
 */
public record PackageRequest(String name, String description, Path autoencoder, Path unet,
        TextEncoderType textEncoderType, Path textEncoderDir, int maxLength, SchedulerType schedulerType,
        String schedulerConfigJson, Integer steps, Guidance guidance, Double scaleFactor, Output output,
        Integer classLabel, String promptTemplate) {
}
