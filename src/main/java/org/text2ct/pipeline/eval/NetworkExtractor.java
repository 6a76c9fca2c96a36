package org.text2ct.pipeline.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.eval.FeatureSet;
import org.text2ct.eval.SliceBatch;
import org.text2ct.model.features.ImageFeatureNetwork;

/** Runs an {@link ImageFeatureNetwork} on slice batches; each batch's arrays are freed when it is done. */
final class NetworkExtractor implements FeatureExtractor {
    private final String name;
    private final ImageFeatureNetwork network;
    private final NDManager manager;

    /** @param manager owns the network's parameters; closed with this extractor */
    NetworkExtractor(String name, ImageFeatureNetwork network, NDManager manager) {
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
        return network.featureDim();
    }

    @Override
    public FeatureSet extract(SliceBatch batch) {
        try (NDManager work = manager.newSubManager()) {
            NDArray images = work.create(batch.data(), new Shape(batch.shape()));
            float[] f = network.features(images).toFloatArray();
            return new FeatureSet(batch.slices(), network.featureDim(), f);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
