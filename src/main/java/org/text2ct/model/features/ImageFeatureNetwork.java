package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;

/**
 * A network that turns a batch of 2D images [N, 3, H, W] into one fixed-length feature vector per
 * image [N, D], for Fréchet distances between image sets.
 */
public interface ImageFeatureNetwork {
    /** D, the length of each feature vector. */
    int featureDim();

    /** Features [N, D] of images [N, 3, H, W]; results live on the images' manager. */
    NDArray features(NDArray images);
}
