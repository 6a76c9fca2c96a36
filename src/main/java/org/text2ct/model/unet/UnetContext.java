package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;

/**
 * What the cross-attention layers attend to: the text states [B, L, D] and, when padded tokens are
 * masked, the additive key bias [B, 1, 1, L] (null: every token is attended to, as in MAISI).
 */
record UnetContext(NDArray states, NDArray keyBias) {
}
