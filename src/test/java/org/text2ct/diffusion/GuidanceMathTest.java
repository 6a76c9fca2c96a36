package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GuidanceMathTest {
    @Test
    void extrapolatesFromUnconditionalTowardsConditional() {
        float[] uncond = {1, 2, -0.5f};
        float[] cond = {3, -2, 0.5f};
        assertArrayEquals(new float[] {11, -18, 4.5f}, GuidanceMath.guide(uncond, cond, 5));
        assertArrayEquals(uncond, GuidanceMath.guide(uncond, cond, 0));
        assertArrayEquals(cond, GuidanceMath.guide(uncond, cond, 1));
    }

    @Test
    void batchHasConditionalFirst() {
        assertArrayEquals(new float[] {11, -18}, GuidanceMath.guideBatch(new float[] {3, -2, 1, 2}, 5));
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> GuidanceMath.guide(new float[2], new float[3], 2));
        assertThrows(IllegalArgumentException.class, () -> GuidanceMath.guideBatch(new float[3], 2));
    }
}
