package org.text2ct.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FidInputScalingTest {
    @Test
    void clipsToPlusMinus1000HuAndScalesToUnitRange() {
        Volume3 hu = new Volume3(3, 2, 1, new float[] {-3024, -1000, 0, 500, 1000, 3071});
        Volume3 out = FidInputScaling.toUnitRange(hu);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 0.75f, 1f, 1f}, out.data(), 0f);
        assertEquals(3, out.nx());
        assertEquals(2, out.ny());
        assertEquals(1, out.nz());
        assertEquals(-3024f, hu.data()[0], 0f, "input left untouched");
    }

    @Test
    void nanStaysNan() {
        Volume3 out = FidInputScaling.toUnitRange(new Volume3(1, 1, 1, new float[] {Float.NaN}));
        assertEquals(Float.NaN, out.data()[0]);
    }
}
