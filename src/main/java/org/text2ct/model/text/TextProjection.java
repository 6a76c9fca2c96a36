package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.ParamStore;

/**
 * open_clip's projection of the pooled text feature into the shared image-text space:
 * {@code proj.0} → erf-GELU → {@code proj.2} (MLP, no biases), a single {@code proj} linear
 * layer, or nothing when the widths already agree.
 */
final class TextProjection {
    private final LinearLayer first;
    private final LinearLayer second;

    TextProjection(ParamStore p, String prefix, BiomedClipTextConfig c) {
        int h = c.bert().hiddenSize();
        switch (c.projection()) {
            case MLP -> {
                first = LinearLayer.load(p, prefix + ".0", h, c.mlpHidden(), false);
                second = LinearLayer.load(p, prefix + ".2", c.mlpHidden(), c.embedDim(), false);
            }
            case LINEAR -> {
                first = LinearLayer.load(p, prefix, h, c.embedDim(), false);
                second = null;
            }
            default -> {
                first = null;
                second = null;
            }
        }
    }

    NDArray forward(NDArray pooled) {
        if (first == null) {
            return pooled;
        }
        NDArray h = first.forward(pooled);
        return second == null ? h : second.forward(Activation.gelu(h));
    }
}
