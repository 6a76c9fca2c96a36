package org.text2ct.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.text2ct.diffusion.ProgressListener;

/** Sampling progress as a terminal progress bar (step i of n, elapsed, estimate). */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final ProgressBarBuilder builder;
    private ProgressBar bar;

    TerminalProgress(String task) {
        builder = new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setUnit(" steps", 1)
                .continuousUpdate();
    }

    @Override
    public void onStep(int step, int total, double elapsedSeconds, double etaSeconds) {
        if (bar == null) {
            bar = builder.setInitialMax(total).build();
        }
        bar.stepTo(step);
        bar.setExtraMessage(String.format(java.util.Locale.ROOT, "%.0f s left", etaSeconds));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
