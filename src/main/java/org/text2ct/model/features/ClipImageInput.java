package org.text2ct.model.features;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;

/**
 * BiomedCLIP's image preprocessing on arrays: resize the shorter side to the tower's image size
 * (bicubic), centre-crop to a square, then normalise each channel with OpenAI CLIP's mean and std.
 */
public final class ClipImageInput {
    public static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private ClipImageInput() {
    }

    /** Images [N, 3, H, W] with values in [0, 1] → [N, 3, size, size], normalised. */
    public static NDArray prepare(NDArray images, int size) {
        long[] s = images.getShape().getShape();
        if (s.length != 4 || s[1] != 3) {
            throw new IllegalArgumentException("images must be [N, 3, H, W], got " + images.getShape());
        }
        double scale = (double) size / Math.min(s[2], s[3]);
        int h = Math.max(size, (int) Math.round(s[2] * scale));
        int w = Math.max(size, (int) Math.round(s[3] * scale));
        NDArray nhwc = images.transpose(0, 2, 3, 1);
        NDArray resized = NDImageUtils.resize(nhwc, w, h, Image.Interpolation.BICUBIC);
        int top = (h - size) / 2;
        int left = (w - size) / 2;
        NDArray crop = resized.get(":, {}:{}, {}:{}, :", top, top + size, left, left + size);
        NDArray mean = images.getManager().create(MEAN);
        NDArray std = images.getManager().create(STD);
        return crop.sub(mean).div(std).transpose(0, 3, 1, 2);
    }
}
