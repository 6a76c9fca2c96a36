package org.text2ct.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.text2ct.nn.Activations;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.ParamStore;

/**
 * T5's {@code DenseReluDense}: wo(relu(wi·x)), or for the gated variant
 * wo(gelu_tanh(wi_0·x) · wi_1·x). No biases.
 */
final class T5FeedForward {
    private final LinearLayer wi;
    private final LinearLayer wiGate;
    private final LinearLayer wiLinear;
    private final LinearLayer wo;

    T5FeedForward(ParamStore p, String prefix, T5Config c) {
        if (c.feedForwardProj() == T5Config.FeedForward.GATED_GELU) {
            wi = null;
            wiGate = LinearLayer.load(p, prefix + ".wi_0", c.dModel(), c.dFf(), false);
            wiLinear = LinearLayer.load(p, prefix + ".wi_1", c.dModel(), c.dFf(), false);
        } else {
            wi = LinearLayer.load(p, prefix + ".wi", c.dModel(), c.dFf(), false);
            wiGate = null;
            wiLinear = null;
        }
        wo = LinearLayer.load(p, prefix + ".wo", c.dFf(), c.dModel(), false);
    }

    NDArray forward(NDArray x) {
        NDArray h = wi != null ? Activation.relu(wi.forward(x))
                : Activations.geluTanh(wiGate.forward(x)).mul(wiLinear.forward(x));
        return wo.forward(h);
    }
}
