package org.text2ct.fiji;

import ij.IJ;
import ij.macro.Interpreter;

/**
 * The one place a menu command reports a failure: a single error dialog (printed in batch mode)
 * with the reason and the fix, then the calling macro stops — the user never sees a bare stack trace.
 */
final class Failures {
    private Failures() {
    }

    static void report(String command, Throwable t) {
        if (t instanceof java.util.concurrent.CancellationException) {
            // The user pressed Esc: say so in the status bar, no error dialog.
            IJ.showStatus(command + ": " + UserErrors.message(t));
            abortMacro();
            return;
        }
        if (!(t instanceof IllegalArgumentException)) {
            // Details for a bug report go to the Log window, not in the user's face.
            IJ.log(command + ": " + t);
        }
        if (IJ.getInstance() == null) {
            // No ImageJ window (batch or headless run): a dialog would vanish, the log reaches the console.
            IJ.log(command + ": " + UserErrors.message(t));
        } else {
            IJ.error(command, UserErrors.message(t));
        }
        abortMacro();
    }

    private static void abortMacro() {
        if (Interpreter.getInstance() != null) {
            Interpreter.abort();
        }
    }
}
