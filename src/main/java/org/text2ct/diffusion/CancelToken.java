package org.text2ct.diffusion;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asked between sampling steps whether to stop; a Fiji cancel button or Ctrl-C sets it from another thread. */
@FunctionalInterface
public interface CancelToken {
    boolean isCancelled();

    CancelToken NEVER = () -> false;

    /** A token that becomes cancelled once {@link Flag#cancel} is called, from any thread. */
    static Flag flag() {
        return new Flag();
    }

    final class Flag implements CancelToken {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        private Flag() {
        }

        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
