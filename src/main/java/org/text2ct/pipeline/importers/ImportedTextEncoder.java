package org.text2ct.pipeline.importers;

import java.nio.file.Path;

/** What the T5 importer wrote: the encoder's weights, the tokenizer, and how many tensors were kept and dropped. */
public record ImportedTextEncoder(Path weights, Path tokenizer, int keptTensors, int droppedTensors) {
}
