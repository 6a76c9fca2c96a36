package org.text2ct.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

/**
 * Everything a run needs to continue exactly where it stopped, in one safetensors file:
 * parameters ({@code param.<key>}), Adam moments ({@code adam.m/v.<key>}), and in the metadata
 * the completed step count, the run's seed (per-step randomness derives from seed and step, so
 * no generator state is needed), the kind of run and its settings.
 */
public record TrainingCheckpoint(String kind, int step, long seed, Map<String, String> settings,
        Map<String, TensorData> params, Map<String, TensorData> optimizer) {
    private static final String PARAM = "param.";

    public void save(Path file) throws IOException {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        params.forEach((k, t) -> tensors.put(PARAM + k, t));
        tensors.putAll(optimizer);
        Map<String, String> meta = new HashMap<>(settings);
        meta.put("kind", kind);
        meta.put("step", Integer.toString(step));
        meta.put("seed", Long.toString(seed));
        SafeTensorsWriter.write(file, tensors, meta, true);
    }

    /** Reads a checkpoint of the given kind; values are copied so the file can change afterwards. */
    public static TrainingCheckpoint load(Path file, String expectedKind) throws IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
            Map<String, String> meta = new HashMap<>(f.metadata());
            String kind = meta.remove("kind");
            if (!expectedKind.equals(kind)) {
                throw new IllegalArgumentException(file + " is not a " + expectedKind + " training checkpoint (kind "
                        + kind + ")");
            }
            int step = Integer.parseInt(meta.remove("step"));
            long seed = Long.parseLong(meta.remove("seed"));
            Map<String, TensorData> params = new LinkedHashMap<>();
            Map<String, TensorData> optimizer = new LinkedHashMap<>();
            f.copyAsFloats().forEach((k, t) -> {
                if (k.startsWith(PARAM)) {
                    params.put(k.substring(PARAM.length()), t);
                } else {
                    optimizer.put(k, t);
                }
            });
            return new TrainingCheckpoint(kind, step, seed, meta, params, optimizer);
        }
    }
}
