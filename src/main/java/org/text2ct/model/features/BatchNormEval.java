package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;
import org.text2ct.nn.ParamStore;

/**
 * BatchNorm2d in eval mode folded into a per-channel affine map:
 * y = (x − running_mean) / √(running_var + eps) · weight + bias. {@code num_batches_tracked} is a
 * training counter; it is accepted when present and not used.
 */
final class BatchNormEval {
    static final float EPS = 1e-5f;

    private final NDArray scale;
    private final NDArray shift;

    private BatchNormEval(NDArray scale, NDArray shift) {
        this.scale = scale;
        this.shift = shift;
    }

    static BatchNormEval load(ParamStore p, String prefix, int channels) {
        NDArray weight = p.get(prefix + ".weight", channels);
        NDArray bias = p.get(prefix + ".bias", channels);
        NDArray mean = p.get(prefix + ".running_mean", channels);
        NDArray var = p.get(prefix + ".running_var", channels);
        if (p.has(prefix + ".num_batches_tracked")) {
            p.accept(prefix + ".num_batches_tracked");
        }
        NDArray scale = weight.div(var.add(EPS).sqrt());
        NDArray shift = bias.sub(mean.mul(scale));
        return new BatchNormEval(scale.reshape(1, channels, 1, 1), shift.reshape(1, channels, 1, 1));
    }

    NDArray forward(NDArray x) {
        return x.mul(scale).add(shift);
    }
}
