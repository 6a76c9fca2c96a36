package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CancelTokenTest {
    @Test
    void cancelFlagIsSeenAcrossThreads() throws InterruptedException {
        CancelToken.Flag flag = CancelToken.flag();
        assertFalse(flag.isCancelled());
        Thread other = new Thread(flag::cancel);
        other.start();
        other.join();
        assertTrue(flag.isCancelled());
        assertFalse(CancelToken.NEVER.isCancelled());
    }
}
