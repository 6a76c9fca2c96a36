package org.text2ct.model.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Out-of-memory retries with more splits, driven by a fake decoder that fails below 8 splits. */
class SplitRetryTest {
    @Test
    void retriesWithDoubledSplitsUntilItFits() {
        List<Integer> tried = new ArrayList<>();
        String result = SplitRetry.run(2, 64, k -> {
            tried.add(k);
            if (k < 8) {
                throw new EngineException("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator: "
                        + "not enough memory: you tried to allocate 25769803776 bytes.");
            }
            return "decoded with " + k;
        });
        assertEquals(List.of(2, 4, 8), tried);
        assertEquals("decoded with 8", result);
    }

    @Test
    void javaHeapExhaustionAlsoRetries() {
        List<Integer> tried = new ArrayList<>();
        SplitRetry.run(1, 4, k -> {
            tried.add(k);
            if (k == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            return k;
        });
        assertEquals(List.of(1, 2), tried);
    }

    @Test
    void givesUpAtTheMaximumAndRethrows() {
        EngineException e = assertThrows(EngineException.class, () -> SplitRetry.run(4, 8, k -> {
            throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");
        }));
        assertTrue(e.getMessage().contains("CUDA out of memory"));
    }

    @Test
    void otherErrorsAreNotRetried() {
        List<Integer> tried = new ArrayList<>();
        assertThrows(IllegalArgumentException.class, () -> SplitRetry.run(1, 8, k -> {
            tried.add(k);
            throw new IllegalArgumentException("bad latent shape");
        }));
        assertEquals(List.of(1), tried);
        assertFalse(SplitRetry.isOutOfMemory(new IllegalStateException("shape mismatch")));
    }
}
