package org.text2ct.model.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * T5's default buckets (32, max distance 128) by hand: 16 per direction, distances 0–7 exact,
 * then 8 + ⌊8·log(d/8)/log(16)⌋ capped at 15; keys after the query add 16.
 */
class RelativePositionBucketsTest {
    private final RelativePositionBuckets buckets = new RelativePositionBuckets(32, 128);

    @Test
    void smallDistancesHaveOneBucketEach() {
        assertEquals(0, buckets.bucket(0));
        assertEquals(1, buckets.bucket(-1));
        assertEquals(7, buckets.bucket(-7));
        assertEquals(17, buckets.bucket(1));
        assertEquals(23, buckets.bucket(7));
    }

    @Test
    void largeDistancesShareLogarithmicBucketsAndBoundariesFallLikeFloat32() {
        assertEquals(8, buckets.bucket(-8));
        assertEquals(9, buckets.bucket(-15));
        assertEquals(10, buckets.bucket(-16));
        assertEquals(12, buckets.bucket(-32));
        assertEquals(14, buckets.bucket(-64));
        assertEquals(30, buckets.bucket(64));
    }

    @Test
    void distancesBeyondTheMaximumUseTheLastBucket() {
        assertEquals(15, buckets.bucket(-128));
        assertEquals(15, buckets.bucket(-5000));
        assertEquals(31, buckets.bucket(149));
    }

    @Test
    void matrixRowsAreQueriesAndColumnsKeys() {
        assertArrayEquals(new long[] {0, 17, 18, 1, 0, 17, 2, 1, 0}, buckets.matrix(3));
    }
}
