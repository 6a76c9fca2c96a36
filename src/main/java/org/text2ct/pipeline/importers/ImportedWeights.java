package org.text2ct.pipeline.importers;

import java.nio.file.Path;
import java.util.OptionalDouble;

/** What an importer wrote: the safetensors file, how many tensors, and the UNet's scale factor if any. */
public record ImportedWeights(Path file, int tensorCount, OptionalDouble scaleFactor) {
}
