package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/**
 * Binds network parameters to state-dict entries by their exact (MONAI / Hugging Face) key
 * names. Problems are collected rather than thrown one by one, so {@link #checkStrict()} can
 * report every missing key, unexpected key and shape mismatch at once.
 */
public final class ParamStore {
    private final StateDict dict;
    private final NDManager manager;
    private final Set<String> used = new LinkedHashSet<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> mismatched = new ArrayList<>();

    private final Factory factory;
    private final java.util.Map<String, TensorData> created = new java.util.LinkedHashMap<>();

    /** Makes a parameter for a key and shape when there is no state dict (random or trainable networks). */
    @FunctionalInterface
    public interface Factory {
        NDArray create(String key, long[] shape);
    }

    public ParamStore(StateDict dict, NDManager manager) {
        this.dict = dict;
        this.manager = manager;
        this.factory = null;
    }

    private ParamStore(NDManager manager, Factory factory) {
        this.dict = null;
        this.manager = manager;
        this.factory = factory;
    }

    /**
     * Random parameters of whatever shapes the network asks for (normal, std 1/√fan-in), for
     * benchmarks at released sizes without weight files.
     */
    public static ParamStore random(NDManager manager, long seed) {
        java.util.Random random = new java.util.Random(seed);
        return new ParamStore(manager, (key, shape) -> randomParam(manager, random, shape));
    }

    /** Parameters made by {@code factory} (training creates, initialises and records them there). */
    public static ParamStore fromFactory(NDManager manager, Factory factory) {
        return new ParamStore(manager, factory);
    }

    public NDManager manager() {
        return manager;
    }

    /** A float32 parameter of the given shape; a placeholder of that shape when it is missing or wrong. */
    public NDArray get(String key, long... shape) {
        if (factory != null) {
            NDArray a = factory.create(key, shape);
            created.put(key, TensorData.ofFloats(shape, a.toFloatArray()));
            return a;
        }
        TensorData t = dict.get(key);
        used.add(key);
        if (t == null) {
            missing.add(key);
            return manager.zeros(new Shape(shape));
        }
        if (!Arrays.equals(t.shape(), shape)) {
            mismatched.add(key + " " + Arrays.toString(t.shape()) + " (expected " + Arrays.toString(shape) + ")");
            return manager.zeros(new Shape(shape));
        }
        return manager.create(t.toFloats(), new Shape(shape));
    }

    /** The parameters a random (or factory) store created, by key in creation order, ready to be written to a weight file. */
    public java.util.Map<String, TensorData> created() {
        return java.util.Collections.unmodifiableMap(created);
    }

    /** Whether the file holds this key (optional buffers, aliases); random stores hold none. */
    public boolean has(String key) {
        return dict != null && dict.get(key) != null;
    }

    /** Whether the file holds this key with exactly this shape, so that its values are the file's and not a placeholder. */
    public boolean has(String key, long... shape) {
        return has(key) && Arrays.equals(dict.get(key).shape(), shape);
    }

    /** Marks a key the network reads nothing from (training counters, a classifier it drops) as expected. */
    public void accept(String key) {
        used.add(key);
    }

    private static NDArray randomParam(NDManager manager, java.util.Random random, long[] shape) {
        long fanIn = 1;
        for (int i = 1; i < shape.length; i++) {
            fanIn *= shape[i];
        }
        float[] v = new float[Math.toIntExact(TensorData.numel(shape))];
        double std = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return manager.create(v, new Shape(shape));
    }

    /** Throws when any requested key was missing or mis-shaped, or any file key was not requested. */
    public void checkStrict() {
        if (dict == null) {
            return;
        }
        List<String> unexpected = new ArrayList<>();
        for (String k : dict.keys()) {
            if (!used.contains(k)) {
                unexpected.add(k);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            String src = dict.source() == null ? "the state dict" : dict.source().toString();
            throw new StateDictMismatchException(src, missing, unexpected, mismatched);
        }
    }
}
