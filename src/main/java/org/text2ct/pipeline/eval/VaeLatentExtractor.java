package org.text2ct.pipeline.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.eval.FeatureSet;
import org.text2ct.eval.View;
import org.text2ct.eval.Volume3;
import org.text2ct.model.features.LatentPooling;
import org.text2ct.model.features.VaeLatentFeatures;

/**
 * The "vae-latent" extractor: each volume is encoded once and its latent pooled per latent slice of
 * each view ({@link LatentPooling}); the latent of the last volume is kept so its three views cost
 * one encoder pass.
 */
final class VaeLatentExtractor implements FeatureExtractor {
    private final String name;
    private final VaeLatentFeatures network;
    private final NDManager manager;
    private Volume3 lastVolume;
    private float[] lastLatent;
    private int[] lastSizes;

    /** @param manager owns the VAE's parameters; closed with this extractor */
    VaeLatentExtractor(String name, VaeLatentFeatures network, NDManager manager) {
        this.name = name;
        this.network = network;
        this.manager = manager;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int featureDim() {
        return LatentPooling.featureDim(network.latentChannels());
    }

    @Override
    public FeatureSet extract(Volume3 volume, View view) {
        if (volume != lastVolume) {
            encode(volume);
        }
        float[] rows = LatentPooling.pool(lastLatent, network.latentChannels(), lastSizes, view.sliceAxis(),
                view.rowAxis(), view.colAxis());
        return new FeatureSet(lastSizes[view.sliceAxis()], featureDim(), rows);
    }

    private void encode(Volume3 volume) {
        try (NDManager work = manager.newSubManager()) {
            // Volume3 is x fastest, i.e. a row-major [z, y, x] array; the VAE wants [1, 1, x, y, z].
            var zyx = work.create(volume.data(), new Shape(1, 1, volume.nz(), volume.ny(), volume.nx()));
            var latent = network.encode(zyx.transpose(0, 1, 4, 3, 2));
            long[] s = latent.getShape().getShape();
            lastSizes = new int[] {(int) s[2], (int) s[3], (int) s[4]};
            lastLatent = latent.toFloatArray();
            lastVolume = volume;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
