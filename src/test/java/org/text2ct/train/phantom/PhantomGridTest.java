package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PhantomGridTest {

    @Test
    void layoutIsXFastestWithTheOriginAtTheCentre() {
        PhantomGrid g = new PhantomGrid(64, 32, 16, 2, 3, 5);
        assertEquals(5 + 64 * (7 + 32 * 3), g.index(5, 7, 3));
        assertEquals(-63.0, g.xMm(0));
        assertEquals(63.0, g.xMm(63));
        assertEquals(37.5, g.zMm(15));
        assertArrayEquals(new double[] {g.xMm(5), g.yMm(7), g.zMm(3)}, g.worldMm(g.index(5, 7, 3)));
        assertEquals(5, g.xIndex(g.xMm(5)));
        assertEquals(31, g.yIndex(1000), "indices clamp to the grid");
        assertEquals(80.0, g.heightMm());
    }

    @Test
    void rejectsInvalidSizesAndSpacings() {
        assertThrows(IllegalArgumentException.class, () -> new PhantomGrid(15, 64, 32, 3, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhantomGrid(64, 64, -1, 3, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhantomGrid(4096, 4096, 4096, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PhantomGrid(64, 64, 32, 0, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhantomGrid(64, 64, 32, 3, Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> PhantomGrid.of(64, 64, 32, new double[] {3, 3}));
    }
}
