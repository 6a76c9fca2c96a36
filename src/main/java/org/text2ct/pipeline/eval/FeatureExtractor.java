package org.text2ct.pipeline.eval;

import org.text2ct.eval.FeatureSet;
import org.text2ct.eval.View;
import org.text2ct.eval.Volume3;

/** Feature rows for one view of a prepared volume (RAS, [0, 1]), from a named network. */
public interface FeatureExtractor extends AutoCloseable {
    /** Names the network and its weights; results carry it, since different extractors are not comparable. */
    String name();

    int featureDim();

    /** The rows of one view: one per slice for 2D networks, one per latent slice for vae-latent. */
    FeatureSet extract(Volume3 volume, View view);

    /** Frees the network's parameters. */
    @Override
    void close();
}
