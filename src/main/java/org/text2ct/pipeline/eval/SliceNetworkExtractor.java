package org.text2ct.pipeline.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.eval.FeatureSet;
import org.text2ct.eval.SliceBatch;
import org.text2ct.eval.View;
import org.text2ct.eval.ViewSlicer;
import org.text2ct.eval.Volume3;
import org.text2ct.model.features.ImageFeatureNetwork;

/**
 * A 2D network on the paper's slice layout ({@link ViewSlicer}): one feature row per slice, computed
 * batch by batch; each batch's arrays are freed when it is done.
 */
final class SliceNetworkExtractor implements FeatureExtractor {
    /** Slices per network call: bounded memory for 512×512 slices, still amortising the call. */
    static final int BATCH_SLICES = 16;

    private final String name;
    private final ImageFeatureNetwork network;
    private final NDManager manager;

    /** @param manager owns the network's parameters; closed with this extractor */
    SliceNetworkExtractor(String name, ImageFeatureNetwork network, NDManager manager) {
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
    public FeatureSet extract(Volume3 volume, View view) {
        int dim = network.featureDim();
        float[] rows = new float[view.slices(volume) * dim];
        ViewSlicer slicer = new ViewSlicer(volume, view, BATCH_SLICES);
        while (slicer.hasNext()) {
            SliceBatch batch = slicer.next();
            try (NDManager work = manager.newSubManager()) {
                NDArray images = work.create(batch.data(), new Shape(batch.shape()));
                float[] f = network.features(images).toFloatArray();
                System.arraycopy(f, 0, rows, batch.firstSlice() * dim, f.length);
            }
        }
        return new FeatureSet(view.slices(volume), dim, rows);
    }

    @Override
    public void close() {
        manager.close();
    }
}
