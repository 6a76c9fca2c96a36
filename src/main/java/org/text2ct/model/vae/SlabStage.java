package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.text2ct.nn.Activations;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.GroupNorm;
import org.text2ct.nn.Resampling;

/**
 * One fused step of the VAE, computed on a slab of output planes along the split axis:
 * [group norm (whole-volume statistics)] → [SiLU] → [trilinear ×2] → convolution → [+ residual,
 * through an optional 1×1 shortcut]. Each output slab reads exactly the input planes its
 * convolution sees (its halo), zero-padded only at the true volume border, so splitting never
 * changes the result.
 */
final class SlabStage {
    final GroupNorm norm;
    final boolean silu;
    final boolean upsample;
    final ConvLayer conv;
    final ConvLayer shortcut;
    final boolean residual;

    SlabStage(GroupNorm norm, boolean silu, boolean upsample, ConvLayer conv, boolean residual, ConvLayer shortcut) {
        this.norm = norm;
        this.silu = silu;
        this.upsample = upsample;
        this.conv = conv;
        this.residual = residual;
        this.shortcut = shortcut;
    }

    static SlabStage conv(ConvLayer conv) {
        return new SlabStage(null, false, false, conv, false, null);
    }

    /** Output length along an axis of input length n. */
    int outLength(int n) {
        if (upsample) {
            return 2 * n;
        }
        if (conv.stride() == 2) {
            return (n + 1 - conv.kernel()) / 2 + 1;
        }
        return n;
    }

    SlabStage permuted(int[] order) {
        return new SlabStage(norm, silu, upsample, conv.permuted(order), residual,
                shortcut == null ? null : shortcut.permuted(order));
    }

    /** Output planes [o0, o1) as [1, Cout, o1 − o0, A', B']. */
    NDArray compute(NDManager m, SlabTensor in, SlabTensor res, int o0, int o1) {
        int n = in.store().planes();
        NDArray x;
        int lo;
        int hi;
        int want0;
        int want1;
        if (upsample) {
            int r0 = Math.max(0, Math.floorDiv(o0 - 1, 2));
            int r1 = Math.min(n, Math.floorDiv(o1, 2) + 1);
            NDArray ext = prepare(in, m, Math.max(r0 - 1, 0), Math.min(r1 + 1, n));
            if (r0 == 0) {
                ext = Resampling.slice(ext, 2, 0, 1).concat(ext, 2);
            }
            if (r1 == n) {
                long len = ext.getShape().get(2);
                ext = ext.concat(Resampling.slice(ext, 2, len - 1, len), 2);
            }
            NDArray up = Resampling.bilinearUp2Plane(Resampling.linearUp2Rows(ext));
            want0 = o0 - 1;
            want1 = o1 + 1;
            lo = Math.max(want0, 0);
            hi = Math.min(want1, 2 * n);
            x = Resampling.slice(up, 2, lo - 2L * r0, hi - 2L * r0);
        } else if (conv.stride() == 2) {
            want0 = 2 * o0;
            want1 = 2 * o1 + 1;
            lo = want0;
            hi = Math.min(want1, n);
            x = padTrailing(padTrailing(prepare(in, m, lo, hi), 3), 4);
        } else {
            int p = conv.padding();
            want0 = o0 - p;
            want1 = o1 + p;
            lo = Math.max(want0, 0);
            hi = Math.min(want1, n);
            x = prepare(in, m, lo, hi);
        }
        x = zeroPad(x, lo - want0, want1 - hi);
        int pad = conv.stride() == 2 ? 0 : conv.padding();
        NDArray y = conv.forward(x, 0, pad, pad);
        if (residual) {
            NDArray r = res.store().read(m, o0, o1);
            y.addi(shortcut == null ? r : shortcut.forward(r));
        }
        return y;
    }

    /**
     * The same stage on a whole [N, C, X, Y, Z] tensor with plain (differentiable) ops and the
     * norm's own statistics, for training; {@code res} is the block input for residual stages.
     */
    NDArray forwardWhole(NDArray x, NDArray res) {
        NDArray h = norm == null ? x : norm.forward(x);
        if (silu) {
            h = Activations.silu(h);
        }
        if (upsample) {
            h = upsampleWhole(h);
        }
        NDArray y = conv.stride() == 2
                ? conv.forward(padTrailing(padTrailing(padTrailing(h, 2), 3), 4), 0, 0, 0)
                : conv.forward(h);
        if (residual) {
            y = y.add(shortcut == null ? res : shortcut.forward(res));
        }
        return y;
    }

    /** Trilinear ×2 with edge clamping; the batch is folded into channels for the 1-item resampling helpers. */
    private static NDArray upsampleWhole(NDArray x) {
        long[] s = x.getShape().getShape();
        NDArray one = x.reshape(1, s[0] * s[1], s[2], s[3], s[4]);
        NDArray ext = Resampling.slice(one, 2, 0, 1).concat(one, 2).concat(Resampling.slice(one, 2, s[2] - 1, s[2]), 2);
        NDArray up = Resampling.bilinearUp2Plane(Resampling.linearUp2Rows(ext));
        return up.reshape(s[0], s[1], 2 * s[2], 2 * s[3], 2 * s[4]);
    }

    /** Reads planes and applies the norm and activation (before any zero padding, as the conv sees it). */
    private NDArray prepare(SlabTensor in, NDManager m, int from, int to) {
        NDArray x = in.store().read(m, from, to);
        if (norm != null) {
            float[][] affine = norm.channelAffine(in.stats().mean(), in.stats().variance());
            Shape perChannel = new Shape(1, affine[0].length, 1, 1, 1);
            x = x.sub(m.create(affine[0], perChannel));
            x.muli(m.create(affine[1], perChannel)).addi(m.create(affine[2], perChannel));
            if (silu) {
                x.muli(Activation.sigmoid(x));
            }
            return x;
        }
        return silu ? Activations.silu(x) : x;
    }

    private static NDArray zeroPad(NDArray x, int front, int back) {
        if (front == 0 && back == 0) {
            return x;
        }
        long[] dims = x.getShape().getShape();
        NDArray out = x;
        if (front > 0) {
            dims[2] = front;
            out = x.getManager().zeros(new Shape(dims)).concat(out, 2);
        }
        if (back > 0) {
            dims[2] = back;
            out = out.concat(x.getManager().zeros(new Shape(dims)), 2);
        }
        return out;
    }

    /** One zero row at the end of an axis: MAISI's downsampling pads (0, 1) before a stride-2 conv. */
    private static NDArray padTrailing(NDArray x, int axis) {
        long[] dims = x.getShape().getShape();
        dims[axis] = 1;
        return x.concat(x.getManager().zeros(new Shape(dims)), axis);
    }
}
