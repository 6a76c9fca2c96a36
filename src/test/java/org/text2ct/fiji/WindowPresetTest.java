package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowPresetTest {
    @Test
    void presetsAreTheRadiologicalWindows() {
        assertEquals(-1350, WindowPreset.parse("lung").min());
        assertEquals(150, WindowPreset.parse("LUNG").max());
        assertEquals(-160, WindowPreset.parse(" mediastinum ").min());
        assertEquals(1050, WindowPreset.parse("bone").max());
        assertEquals(80, WindowPreset.parse("brain").max());
        assertArrayEquals(new String[] {"lung", "mediastinum", "bone", "brain"}, WindowPreset.keys());
    }

    @Test
    void unknownWindowNamesTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> WindowPreset.parse("liver"));
        assertTrue(e.getMessage().contains("lung, mediastinum, bone, brain"), e.getMessage());
    }
}
