package org.text2ct.pipeline.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.weights.Sha256;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/** Writes imported tensors with metadata naming the source file and its SHA-256. */
final class SafeTensorsOutput {
    private SafeTensorsOutput() {
    }

    /** Writes every tensor of {@code tensors}; returns how many. */
    static int write(Path output, StateDict tensors, Path source, Map<String, String> metadata, boolean overwrite)
            throws IOException {
        Map<String, TensorData> data = new LinkedHashMap<>();
        tensors.keys().forEach(k -> data.put(k, tensors.get(k)));
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put(ImportMetadata.SOURCE, source.getFileName().toString());
        meta.put(ImportMetadata.SOURCE_SHA256, Sha256.of(source));
        Files.createDirectories(output.toAbsolutePath().getParent());
        SafeTensorsWriter.write(output, data, meta, overwrite);
        return data.size();
    }
}
