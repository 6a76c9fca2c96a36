package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.TensorData;

/**
 * The parameters of a network being trained: created when the network binds them (through
 * {@link #store()}), initialised as PyTorch initialises its layers (or from a checkpoint), marked
 * for gradients and recorded under their state-dict keys, so the trained network saves with the
 * key names the normal {@link ParamStore} loads.
 */
public final class TrainableParams implements ParamStore.Factory {
    private final NDManager manager;
    private final Random random;
    private final Map<String, TensorData> initial;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    /** @param initial values to start from by key (a checkpoint), or an empty map for a fresh initialisation */
    public TrainableParams(NDManager manager, long seed, Map<String, TensorData> initial) {
        this.manager = manager;
        this.random = new Random(seed);
        this.initial = initial;
    }

    public ParamStore store() {
        return ParamStore.fromFactory(manager, this);
    }

    @Override
    public NDArray create(String key, long[] shape) {
        NDArray existing = params.get(key);
        if (existing != null) {
            return existing;
        }
        TensorData from = initial.get(key);
        if (from != null && !Arrays.equals(from.shape(), shape)) {
            throw new IllegalArgumentException("checkpoint holds " + key + " as " + Arrays.toString(from.shape())
                    + " but the network needs " + Arrays.toString(shape) + ": was it made with another config?");
        }
        NDArray a = from != null ? Tensors.toNDArray(manager, from) : manager.create(init(key, shape), new Shape(shape));
        a.setRequiresGradient(true);
        params.put(key, a);
        return a;
    }

    /** Keys in binding order, with their arrays. */
    public Map<String, NDArray> params() {
        return Collections.unmodifiableMap(params);
    }

    /** A copy of the current values, for weight files and checkpoints. */
    public Map<String, TensorData> snapshot() {
        Map<String, TensorData> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, Tensors.toTensorData(v)));
        return out;
    }

    /**
     * PyTorch's defaults: conv/linear weights and their biases uniform in ±1/√fan-in (kaiming
     * uniform with a = √5), norm scales 1 and shifts 0, embedding tables standard normal.
     */
    private float[] init(String key, long[] shape) {
        float[] v = new float[Math.toIntExact(TensorData.numel(shape))];
        if (isEmbedding(key)) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            return v;
        }
        long fanIn = shape.length > 1 ? TensorData.numel(shape) / shape[0] : biasFanIn(key);
        if (fanIn == 0) {
            Arrays.fill(v, key.endsWith("weight") ? 1f : 0f);
            return v;
        }
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return v;
    }

    /** The fan-in of the layer a 1-D parameter belongs to; 0 for norm parameters (no matrix weight). */
    private long biasFanIn(String key) {
        if (!key.endsWith(".bias")) {
            return 0;
        }
        NDArray weight = params.get(key.substring(0, key.length() - ".bias".length()) + ".weight");
        if (weight == null || weight.getShape().dimension() < 2) {
            return 0;
        }
        return weight.getShape().size() / weight.getShape().get(0);
    }

    private static boolean isEmbedding(String key) {
        return key.endsWith("shared.weight") || key.endsWith("embed_tokens.weight")
                || key.endsWith("relative_attention_bias.weight") || key.equals("class_embedding.weight");
    }
}
