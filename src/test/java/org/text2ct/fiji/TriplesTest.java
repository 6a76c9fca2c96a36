package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TriplesTest {
    @Test
    void triplesParseAndExplainBadInput() {
        assertArrayEquals(new int[] {32, 32, 16}, Triples.ints("32, 32,16", "output_size", null));
        assertArrayEquals(new int[] {1, 2, 3}, Triples.ints(" ", "output_size", new int[] {1, 2, 3}));
        assertArrayEquals(new double[] {0.75, 0.75, 1.5}, Triples.doubles("0.75x0.75x1.5", "output_spacing", null));
        var e = assertThrows(IllegalArgumentException.class, () -> Triples.ints("32,32", "output_size", null));
        assertTrue(e.getMessage().startsWith("output_size needs three values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Triples.doubles("a,b,c", "output_spacing", null));
        assertTrue(e.getMessage().startsWith("output_spacing needs three numbers"), e.getMessage());
    }
}
