package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;

/**
 * One UNet call's inputs. {@code x} [B, C, X, Y, Z]; {@code timesteps} [B] (integer or float);
 * the rest may be null when the configuration does not use them: {@code context} [B, L, D],
 * {@code contextMask} [B, L] (1 at real tokens, 0 at padding, which cross-attention then skips),
 * {@code classLabels} [B] int64, {@code topRegion}/{@code bottomRegion} [B, 4] one-hot,
 * {@code spacing} [B, 3] in millimetres ×100.
 */
public record UnetInputs(NDArray x, NDArray timesteps, NDArray context, NDArray contextMask, NDArray classLabels,
        NDArray topRegion, NDArray bottomRegion, NDArray spacing) {
}
