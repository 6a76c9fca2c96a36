package org.text2ct.model.vae;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.logging.Logger;

/** Runs a split computation and, when it runs out of memory, retries with twice the splits. */
final class SplitRetry {
    private static final Logger LOG = Logger.getLogger(SplitRetry.class.getName());

    private SplitRetry() {
    }

    static <T> T run(int splits, int maxSplits, IntFunction<T> attempt) {
        int k = Math.max(1, Math.min(splits, maxSplits));
        while (true) {
            try {
                return attempt.apply(k);
            } catch (RuntimeException | OutOfMemoryError e) {
                if (!isOutOfMemory(e) || k >= maxSplits) {
                    throw e;
                }
                int next = Math.min(maxSplits, k * 2);
                LOG.warning("out of memory with " + k + " splits; retrying with " + next);
                k = next;
            }
        }
    }

    /** Java heap exhaustion, or the engine's CPU/GPU allocator failing. */
    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("out of memory") || m.contains("not enough memory") || m.contains("can't allocate memory")
                    || m.contains("bad_alloc")) {
                return true;
            }
        }
        return false;
    }
}
