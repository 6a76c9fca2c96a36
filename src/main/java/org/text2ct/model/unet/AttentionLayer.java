package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;

/** An attention stage inside a UNet level: spatial self-attention or a cross-attention transformer. */
interface AttentionLayer {
    NDArray forward(NDArray x, UnetContext context);
}
