package org.text2ct.fiji;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/** Turns a failure into one sentence with the reason and what to do, for a dialog or a macro error. */
final class UserErrors {
    private UserErrors() {
    }

    static String message(Throwable t) {
        if (t instanceof CancellationException) {
            return "Cancelled (" + t.getMessage() + "); nothing was created.";
        }
        if (t instanceof OutOfMemoryError) {
            return "Out of memory: choose a smaller output_size, or give ImageJ more memory "
                    + "(Edit > Options > Memory & Threads) and restart.";
        }
        if (t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof IOException) {
            return "Could not read or write a file: " + t.getMessage();
        }
        if (t instanceof UnsatisfiedLinkError || t instanceof NoClassDefFoundError) {
            return "The PyTorch engine could not start (" + t.getMessage() + "): reinstall the Text2CT update site "
                    + "so that its jars/ are complete, then restart.";
        }
        return "Unexpected " + t.getClass().getSimpleName() + ": " + t.getMessage()
                + " (please report this with the Log window's contents)";
    }
}
