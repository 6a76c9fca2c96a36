package org.text2ct.weights;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Named tensors from one weight file, in file order, plus the file's string metadata. */
public interface StateDict extends AutoCloseable {
    /** Tensor names in the order the file lists them. */
    Set<String> keys();

    /** The tensor of that name, or null. */
    TensorData get(String key);

    /** The file's string metadata ({@code __metadata__} in safetensors); empty when there is none. */
    Map<String, String> metadata();

    /** Where the tensors came from, for error messages; may be null for in-memory dicts. */
    Path source();

    /** Every tensor as float32, copied so that they outlive this dict, in the file's order. */
    default Map<String, TensorData> copyAsFloats() {
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (String k : keys()) {
            TensorData t = get(k);
            out.put(k, TensorData.ofFloats(t.shape(), t.toFloats()));
        }
        return out;
    }

    @Override
    void close();
}
