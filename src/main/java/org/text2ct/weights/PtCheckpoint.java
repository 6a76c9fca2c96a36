package org.text2ct.weights;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The object tree of a {@code .pt} file whose top level is a dict: tensors, nested dicts (such as
 * MONAI's {@code {"unet_state_dict": {...}, "scale_factor": ..., "epoch": ...}}) and plain values.
 * Values are the unpickler's plain types: {@link TensorData}, {@link Map}, {@link java.util.List},
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean} or null.
 */
public final class PtCheckpoint {
    private final Path source;
    private final Map<?, ?> root;

    PtCheckpoint(Path source, Map<?, ?> root) {
        this.source = source;
        this.root = root;
    }

    public Path source() {
        return source;
    }

    /** The top-level keys that are strings, in file order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        root.keySet().forEach(k -> {
            if (k instanceof String s) {
                keys.add(s);
            }
        });
        return Collections.unmodifiableSet(keys);
    }

    /** The top-level value under {@code key}, or null. */
    public Object get(String key) {
        return root.get(key);
    }

    /** The tensors at the top level, such as a plain {@code model.state_dict()} holds. */
    public StateDict stateDict() {
        return tensorsOf(root);
    }

    /** The tensors of the dict stored under {@code key}, e.g. {@code "unet_state_dict"}. */
    public StateDict stateDict(String key) throws WeightFileException {
        if (!(root.get(key) instanceof Map<?, ?> nested)) {
            throw new WeightFileException(source, "has no dict under '" + key + "'; its top-level keys are " + keys());
        }
        return tensorsOf(nested);
    }

    /**
     * The number under {@code key}: a Python int, float or bool, or a one-element tensor (MONAI
     * saves {@code scale_factor} as a tensor); empty when the key is absent or holds anything else.
     */
    public OptionalDouble number(String key) {
        Object v = root.get(key);
        if (v instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return OptionalDouble.of(b ? 1 : 0);
        }
        if (v instanceof TensorData t && t.numel() == 1) {
            return OptionalDouble.of(t.dtype() == DType.F64 ? t.bytes().getDouble(0) : t.toFloats()[0]);
        }
        return OptionalDouble.empty();
    }

    private StateDict tensorsOf(Map<?, ?> dict) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        dict.forEach((k, v) -> {
            if (k instanceof String name && v instanceof TensorData t) {
                tensors.put(name, t);
            }
        });
        return new MapStateDict(source, tensors, Map.of());
    }
}
