package org.text2ct.diffusion;

import java.util.function.LongSupplier;

/** Times a run of steps and reports each to a {@link ProgressListener} with elapsed time and an estimate. */
public final class StepClock {
    private final ProgressListener listener;
    private final int total;
    private final LongSupplier nanoTime;
    private final long start;
    private int done;

    public StepClock(ProgressListener listener, int total) {
        this(listener, total, System::nanoTime);
    }

    /** With an injected clock, so tests need not sleep. */
    StepClock(ProgressListener listener, int total, LongSupplier nanoTime) {
        if (total < 1) {
            throw new IllegalArgumentException("a run needs at least one step, got " + total);
        }
        this.listener = listener;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Call after each finished step. */
    public void stepDone() {
        if (done >= total) {
            throw new IllegalStateException("all " + total + " steps are already done");
        }
        done++;
        double elapsed = (nanoTime.getAsLong() - start) * 1e-9;
        listener.onStep(done, total, elapsed, elapsed / done * (total - done));
    }
}
