package org.text2ct.weights;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A state dict held in a map; its tensors may still be memory-mapped, which needs no closing. */
public final class MapStateDict implements StateDict {
    private final Path source;
    private final Map<String, TensorData> tensors;
    private final Map<String, String> metadata;

    public MapStateDict(Path source, Map<String, TensorData> tensors, Map<String, String> metadata) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public Set<String> keys() {
        return tensors.keySet();
    }

    @Override
    public TensorData get(String key) {
        return tensors.get(key);
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public void close() {
        // Nothing to release: mappings live as long as their tensors.
    }
}
