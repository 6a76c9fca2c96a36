package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import org.text2ct.nn.Activations;
import org.text2ct.nn.LinearLayer;
import org.text2ct.nn.ParamStore;

/** Linear → SiLU → Linear, the embedding module MONAI uses for time, region and spacing inputs. */
final class EmbeddingMlp {
    private final LinearLayer first;
    private final LinearLayer second;

    EmbeddingMlp(ParamStore p, String prefix, int in, int out) {
        first = LinearLayer.load(p, prefix + ".0", in, out, true);
        second = LinearLayer.load(p, prefix + ".2", out, out, true);
    }

    NDArray forward(NDArray x) {
        return second.forward(Activations.silu(first.forward(x)));
    }
}
