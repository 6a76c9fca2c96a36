package org.text2ct.pipeline.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.text2ct.TestFixtures;
import org.text2ct.weights.PtFile;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/**
 * The tiny BiomedCLIP folder in open_clip's layout (made by tools/make_biomedclip_folder.py from
 * the tiny tower fixtures), and copies of it with the weights as safetensors, edited, for the
 * failure paths.
 */
public final class TinyClipFolder {
    public static final String NAME = "biomedclip_tiny_open_clip";
    public static final String BIN = "open_clip_pytorch_model.bin";

    private TinyClipFolder() {
    }

    public static Path path() {
        return TestFixtures.path(NAME);
    }

    /** A copy of the folder in {@code dir} with the .bin replaced by safetensors after {@code edit} changed the tensors. */
    static Path asSafetensors(Path dir, Consumer<Map<String, TensorData>> edit) throws IOException {
        Path copy = copy(dir);
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        try (StateDict bin = PtFile.open(copy.resolve(BIN))) {
            bin.keys().forEach(k -> tensors.put(k, bin.get(k)));
            edit.accept(tensors);
            SafeTensorsWriter.write(copy.resolve("open_clip_model.safetensors"), tensors, Map.of("format", "pt"), false);
        }
        Files.delete(copy.resolve(BIN));
        return copy;
    }

    /** A plain copy of the folder in {@code dir}. */
    static Path copy(Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(NAME));
        try (Stream<Path> files = Files.list(path())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
