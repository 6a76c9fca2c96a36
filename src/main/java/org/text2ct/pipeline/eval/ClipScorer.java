package org.text2ct.pipeline.eval;

import org.text2ct.eval.SliceBatch;

/** Cosine similarity between a prompt's text embedding and the image embedding of each slice. */
public interface ClipScorer {
    /** One cosine per slice of {@code batch} (slices laid out as {@link org.text2ct.eval.ViewSlicer} makes them). */
    float[] cosines(String prompt, SliceBatch batch);
}
