package org.text2ct.fiji;

import ij.IJ;
import java.util.Locale;
import org.text2ct.diffusion.ProgressListener;

/** Sampling progress in ImageJ's status bar and progress bar (silent in batch mode without a window). */
final class StatusBarProgress implements ProgressListener {
    private final String what;

    StatusBarProgress(String what) {
        this.what = what;
    }

    @Override
    public void onStep(int step, int total, double elapsedSeconds, double etaSeconds) {
        IJ.showProgress(step, total);
        IJ.showStatus(String.format(Locale.ROOT, "%s: step %d/%d, %.0f s left (Esc cancels)", what, step, total,
                etaSeconds));
    }

    /** Clears the bar after a run, finished or not. */
    static void done() {
        IJ.showProgress(1.0);
        IJ.showStatus("");
    }
}
