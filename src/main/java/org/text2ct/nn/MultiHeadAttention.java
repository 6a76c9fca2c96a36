package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head attention as MONAI's SABlock / CrossAttentionBlock compute it: separate q, k, v
 * projections, logits (q·kᵀ)·scale plus an optional additive bias (padding mask, T5's relative
 * positions), softmax, optional output projection. Queries are processed
 * in blocks so that a 12,288-token level never materialises the whole attention matrix; each
 * query row's softmax is independent, so blocking does not change the result.
 */
public final class MultiHeadAttention {
    /** Upper bound on one block's attention matrix, in float elements (about 256 MB). */
    static final long MAX_BLOCK_ELEMENTS = 64L << 20;

    private final LinearLayer toQ;
    private final LinearLayer toK;
    private final LinearLayer toV;
    private final LinearLayer outProj;
    private final int heads;
    private final int dimHead;
    private final float scale;

    private MultiHeadAttention(LinearLayer toQ, LinearLayer toK, LinearLayer toV, LinearLayer outProj, int heads,
            int dimHead, float scale) {
        this.toQ = toQ;
        this.toK = toK;
        this.toV = toV;
        this.outProj = outProj;
        this.heads = heads;
        this.dimHead = dimHead;
        this.scale = scale;
    }

    /**
     * @param inputDim channels of the queries' input
     * @param contextDim channels of keys/values' input (equal to inputDim for self-attention)
     * @param outProj whether {@code prefix.out_proj} exists (MONAI's include_fc for self-attention)
     */
    public static MultiHeadAttention load(ParamStore p, String prefix, int inputDim, int contextDim, int heads,
            int dimHead, boolean qkvBias, boolean outProj) {
        int inner = heads * dimHead;
        return new MultiHeadAttention(
                LinearLayer.load(p, prefix + ".to_q", inputDim, inner, qkvBias),
                LinearLayer.load(p, prefix + ".to_k", contextDim, inner, qkvBias),
                LinearLayer.load(p, prefix + ".to_v", contextDim, inner, qkvBias),
                outProj ? LinearLayer.load(p, prefix + ".out_proj", inner, inputDim, true) : null,
                heads, dimHead, (float) Math.pow(dimHead, -0.5));
    }

    /**
     * Attention over projections bound under other key names (Hugging Face's q/k/v/o, query/key/value).
     * @param outProj may be null
     * @param scale multiplies the logits: 1/√dimHead usually, 1 for T5 (which folds it into its weights)
     */
    public static MultiHeadAttention of(LinearLayer q, LinearLayer k, LinearLayer v, LinearLayer outProj, int heads,
            int dimHead, float scale) {
        return new MultiHeadAttention(q, k, v, outProj, heads, dimHead, scale);
    }

    /** x [B, T, C]; context [B, L, Cc] or null for self-attention. Returns [B, T, C]. */
    public NDArray forward(NDArray x, NDArray context) {
        return forward(x, context, null);
    }

    /**
     * As {@link #forward(NDArray, NDArray)}, with {@code bias} (4-D, broadcastable to [B, heads, T, L],
     * or null) added to the scaled logits before the softmax.
     */
    public NDArray forward(NDArray x, NDArray context, NDArray bias) {
        NDArray kv = context == null ? x : context;
        NDArray q = splitHeads(toQ.forward(x));
        NDArray kT = splitHeads(toK.forward(kv)).transpose(0, 1, 3, 2);
        NDArray v = splitHeads(toV.forward(kv));
        long b = q.getShape().get(0);
        long t = q.getShape().get(2);
        long l = kT.getShape().get(3);
        long block = Math.max(1, Math.min(t, MAX_BLOCK_ELEMENTS / Math.max(1, b * heads * l)));
        NDList outs = new NDList();
        for (long start = 0; start < t; start += block) {
            NDArray qb = block == t ? q : q.get(":, :, {}:{}", start, Math.min(t, start + block));
            long from = start;
            long to = Math.min(t, start + block);
            // Each block's attention matrix is freed before the next one is made.
            outs.add(Scopes.run(qb, blk -> {
                NDArray att = blk.matMul(kT).mul(scale);
                if (bias != null) {
                    boolean perQuery = bias.getShape().get(2) != 1 && block != t;
                    att = att.add(perQuery ? bias.get(":, :, {}:{}", from, to) : bias);
                }
                return att.softmax(-1).matMul(v);
            }));
        }
        NDArray o = outs.size() == 1 ? outs.singletonOrThrow() : NDArrays.concat(outs, 2);
        o = o.transpose(0, 2, 1, 3).reshape(new Shape(b, t, (long) heads * dimHead));
        return outProj == null ? o : outProj.forward(o);
    }

    private NDArray splitHeads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, dimHead).transpose(0, 2, 1, 3);
    }
}
