package org.text2ct.pipeline.eval;

import org.text2ct.eval.FeatureSet;
import org.text2ct.eval.SliceBatch;

/** One feature vector per slice of a 2.5D slice batch, from a named network. */
public interface FeatureExtractor extends AutoCloseable {
    /** Names the network and its weights; results carry it, since different extractors are not comparable. */
    String name();

    int featureDim();

    FeatureSet extract(SliceBatch batch);

    /** Frees the network's parameters. */
    @Override
    void close();
}
