package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.TensorData;

/**
 * Adam (Kingma & Ba, torch.optim.Adam's update with bias correction, no weight decay) over
 * named parameters, with the moments kept by key so they save into a checkpoint and resume
 * exactly. DJL's own optimizer keeps its state private, hence this small one.
 */
public final class Adam {
    static final String M_PREFIX = "adam.m.";
    static final String V_PREFIX = "adam.v.";
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    /** Every element, for overwriting gradients that may hold NaN (where subtracting or scaling would keep it). */
    private static final NDIndex ALL = new NDIndex("...");
    private int steps;

    public Adam(NDManager manager) {
        this.manager = manager;
    }

    /**
     * One update from the gradients the last backward pass left on {@code params}, after clipping
     * them to a global norm of {@code maxGradNorm}; the gradients are zeroed afterwards (the
     * engine accumulates them). Returns the gradient norm before clipping. A non-finite norm skips
     * the update: weights and moments stay as they were.
     */
    public double step(Map<String, NDArray> params, double lr, double maxGradNorm) {
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> grads = new LinkedHashMap<>();
            params.forEach((k, p) -> {
                NDArray g = p.getGradient();
                g.attach(scope);
                grads.put(k, g);
            });
            double norm = GradientClipping.clipByGlobalNorm(grads.values(), maxGradNorm);
            if (!Double.isFinite(norm)) {
                // One overflowing batch must not poison the weights (as torch's GradScaler skips such steps).
                grads.values().forEach(g -> g.set(ALL, 0f));
                return norm;
            }
            steps++;
            double bc1 = 1 - Math.pow(BETA1, steps);
            double bc2 = 1 - Math.pow(BETA2, steps);
            grads.forEach((k, g) -> {
                NDArray p = params.get(k);
                NDArray mk = m.computeIfAbsent(k, key -> manager.zeros(p.getShape()));
                NDArray vk = v.computeIfAbsent(k, key -> manager.zeros(p.getShape()));
                mk.tempAttach(scope);
                vk.tempAttach(scope);
                p.tempAttach(scope);
                mk.muli(BETA1).addi(g.mul(1 - BETA1));
                vk.muli(BETA2).addi(g.square().muli(1 - BETA2));
                NDArray denom = vk.div(bc2).sqrt().addi(EPS);
                p.subi(mk.div(denom).muli(lr / bc1));
                g.set(ALL, 0f);
            });
            return norm;
        }
    }

    public int steps() {
        return steps;
    }

    /** The moments under {@code adam.m.<key>} / {@code adam.v.<key>}. */
    public Map<String, TensorData> state() {
        Map<String, TensorData> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put(M_PREFIX + k, Tensors.toTensorData(a)));
        v.forEach((k, a) -> out.put(V_PREFIX + k, Tensors.toTensorData(a)));
        return out;
    }

    /** Restores moments saved by {@link #state()} and the update count. */
    public void restore(Map<String, TensorData> state, int updateCount) {
        state.forEach((k, t) -> {
            if (k.startsWith(M_PREFIX)) {
                m.put(k.substring(M_PREFIX.length()), Tensors.toNDArray(manager, t));
            } else if (k.startsWith(V_PREFIX)) {
                v.put(k.substring(V_PREFIX.length()), Tensors.toNDArray(manager, t));
            }
        });
        steps = updateCount;
    }
}
