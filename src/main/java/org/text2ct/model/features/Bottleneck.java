package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.text2ct.nn.Conv2dLayer;
import org.text2ct.nn.ParamStore;

/**
 * Torchvision's Bottleneck: 1×1 → 3×3 (carrying the stride) → 1×1 ×expansion convolutions, each
 * followed by batch norm, ReLU after the sum with the shortcut; the shortcut is a strided 1×1
 * convolution with batch norm ({@code downsample.0/1}) when the shape changes.
 */
final class Bottleneck {
    private final Conv2dLayer conv1;
    private final BatchNormEval bn1;
    private final Conv2dLayer conv2;
    private final BatchNormEval bn2;
    private final Conv2dLayer conv3;
    private final BatchNormEval bn3;
    private final Conv2dLayer downConv;
    private final BatchNormEval downNorm;

    Bottleneck(ParamStore p, String prefix, int in, int planes, int expansion, int stride) {
        int out = planes * expansion;
        conv1 = Conv2dLayer.load(p, prefix + ".conv1", in, planes, 1, 1, 0, false);
        bn1 = BatchNormEval.load(p, prefix + ".bn1", planes);
        conv2 = Conv2dLayer.load(p, prefix + ".conv2", planes, planes, 3, stride, 1, false);
        bn2 = BatchNormEval.load(p, prefix + ".bn2", planes);
        conv3 = Conv2dLayer.load(p, prefix + ".conv3", planes, out, 1, 1, 0, false);
        bn3 = BatchNormEval.load(p, prefix + ".bn3", out);
        boolean reshape = stride != 1 || in != out;
        downConv = reshape ? Conv2dLayer.load(p, prefix + ".downsample.0", in, out, 1, stride, 0, false) : null;
        downNorm = reshape ? BatchNormEval.load(p, prefix + ".downsample.1", out) : null;
    }

    NDArray forward(NDArray x) {
        NDArray h = Activation.relu(bn1.forward(conv1.forward(x)));
        h = Activation.relu(bn2.forward(conv2.forward(h)));
        h = bn3.forward(conv3.forward(h));
        NDArray shortcut = downConv == null ? x : downNorm.forward(downConv.forward(x));
        return Activation.relu(h.add(shortcut));
    }
}
