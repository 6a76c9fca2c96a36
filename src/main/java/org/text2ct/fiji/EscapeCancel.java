package org.text2ct.fiji;

import ij.IJ;
import org.text2ct.diffusion.CancelToken;

/** Cancels when the user presses Esc in ImageJ (the pipeline asks between steps and decode slabs). */
final class EscapeCancel implements CancelToken {
    EscapeCancel() {
        IJ.resetEscape();
    }

    @Override
    public boolean isCancelled() {
        return IJ.escapePressed();
    }
}
