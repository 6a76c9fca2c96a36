package org.text2ct.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SideWordsTest {

    @Test
    void exchangesWholeSideWordsKeepingCase() {
        assertEquals("Right upper lobe nodule. Small left pleural effusion. RIGHT.",
                SideWords.swap("Left upper lobe nodule. Small right pleural effusion. LEFT."));
    }

    @Test
    void leavesOtherWordsAlone() {
        String text = "Bright leftover rightward copyright. No effusion.";
        assertEquals(text, SideWords.swap(text));
    }
}
