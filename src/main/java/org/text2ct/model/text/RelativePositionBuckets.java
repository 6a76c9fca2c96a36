package org.text2ct.model.text;

/**
 * T5's bidirectional relative-position buckets, as Hugging Face's {@code _relative_position_bucket}
 * computes them: half the buckets for keys after the query, half for keys before; within each
 * half, small distances get one bucket each and larger ones share logarithmically spaced buckets
 * up to {@code maxDistance}. The log part runs in float32 like the reference, so that distances
 * on a bucket boundary (16, 32, 64, 128 with the defaults) land in the same bucket.
 */
public final class RelativePositionBuckets {
    private final int halfBuckets;
    private final int maxExact;
    private final float logRange;

    public RelativePositionBuckets(int numBuckets, int maxDistance) {
        this.halfBuckets = numBuckets / 2;
        this.maxExact = halfBuckets / 2;
        this.logRange = (float) Math.log((double) maxDistance / maxExact);
    }

    /** The bucket of key position minus query position. */
    public int bucket(int relativePosition) {
        int base = relativePosition > 0 ? halfBuckets : 0;
        int distance = Math.abs(relativePosition);
        if (distance < maxExact) {
            return base + distance;
        }
        float scaled = (float) Math.log(distance / (float) maxExact) / logRange * (halfBuckets - maxExact);
        return base + Math.min(maxExact + (int) scaled, halfBuckets - 1);
    }

    /** Buckets for every (query, key) pair of a sequence, row-major [length, length]. */
    public long[] matrix(int length) {
        long[] out = new long[length * length];
        for (int q = 0; q < length; q++) {
            for (int k = 0; k < length; k++) {
                out[q * length + k] = bucket(k - q);
            }
        }
        return out;
    }
}
