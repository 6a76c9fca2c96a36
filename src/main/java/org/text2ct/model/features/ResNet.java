package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.nn.Conv2dLayer;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Scopes;

/**
 * A torchvision bottleneck ResNet as a feature network: the last stage's feature map averaged over
 * H and W, before the classifier (the paper's FID features with RadImageNet weights). Keys are
 * torchvision's ({@code conv1}, {@code bn1}, {@code layerS.B.*}); a classifier {@code fc.*} in the
 * file is accepted and not used.
 */
public final class ResNet implements ImageFeatureNetwork {
    private final ResNetConfig config;
    private final Conv2dLayer stem;
    private final BatchNormEval stemNorm;
    private final List<Bottleneck> blocks = new ArrayList<>();

    /** Binds every parameter from {@code p}; call {@link ParamStore#checkStrict()} afterwards. */
    public ResNet(ResNetConfig config, ParamStore p) {
        this.config = config;
        stem = Conv2dLayer.load(p, "conv1", 3, config.width(), 7, 2, 3, false);
        stemNorm = BatchNormEval.load(p, "bn1", config.width());
        int in = config.width();
        for (int stage = 0; stage < 4; stage++) {
            int planes = config.width() << stage;
            for (int b = 0; b < config.blocks()[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                blocks.add(new Bottleneck(p, "layer" + (stage + 1) + "." + b, in, planes, config.expansion(), stride));
                in = planes * config.expansion();
            }
        }
        for (String fc : List.of("fc.weight", "fc.bias")) {
            if (p.has(fc)) {
                p.accept(fc);
            }
        }
    }

    @Override
    public int featureDim() {
        return config.featureDim();
    }

    @Override
    public NDArray features(NDArray images) {
        long[] s = images.getShape().getShape();
        if (s.length != 4 || s[1] != 3) {
            throw new IllegalArgumentException("images must be [N, 3, H, W], got " + images.getShape());
        }
        NDArray h = Scopes.run(images, x -> Pool.maxPool2d(Activation.relu(stemNorm.forward(stem.forward(x))),
                new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false));
        for (Bottleneck b : blocks) {
            h = Scopes.run(h, b::forward);
        }
        // PyTorch NDArray.mean takes one axis at a time.
        return h.mean(new int[] {3}).mean(new int[] {2});
    }
}
