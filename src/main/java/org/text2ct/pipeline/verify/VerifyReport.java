package org.text2ct.pipeline.verify;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Compares computed outputs with reference tensors and prints one line per output:
 * name, max absolute error, max error relative to the reference's max absolute value, PASS/FAIL.
 */
public final class VerifyReport {
    private final PrintWriter out;
    private final double tolerance;
    private int passed;
    private int failed;

    public VerifyReport(PrintWriter out, double tolerance) {
        this.out = out;
        this.tolerance = tolerance;
    }

    public double tolerance() {
        return tolerance;
    }

    /** Compares element by element; a length mismatch or a non-finite value fails the output. */
    public boolean compare(String name, float[] actual, float[] expected) {
        double[] a = new double[actual.length];
        double[] e = new double[expected.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = actual[i];
        }
        for (int i = 0; i < e.length; i++) {
            e[i] = expected[i];
        }
        return compare(name, a, e);
    }

    public boolean compare(String name, double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            return fail(name, "size " + actual.length + " != reference size " + expected.length);
        }
        double maxAbs = 0;
        double maxRef = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (!(d <= maxAbs)) {
                maxAbs = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(maxAbs, d);
            }
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
        }
        double rel = maxRef == 0 ? maxAbs : maxAbs / maxRef;
        boolean ok = rel <= tolerance;
        out.printf(Locale.ROOT, "%-32s max_abs_err=%.3e max_rel_err=%.3e %s%n", name, maxAbs, rel, ok ? "PASS" : "FAIL");
        count(ok);
        return ok;
    }

    /** Integer outputs (e.g. timesteps) must match exactly. */
    public boolean compareExact(String name, long[] actual, long[] expected) {
        double[] a = new double[actual.length];
        double[] e = new double[expected.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = actual[i];
        }
        for (int i = 0; i < e.length; i++) {
            e[i] = expected[i];
        }
        if (actual.length != expected.length) {
            return fail(name, "size " + actual.length + " != reference size " + expected.length);
        }
        double maxAbs = 0;
        for (int i = 0; i < a.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(a[i] - e[i]));
        }
        boolean ok = maxAbs == 0;
        out.printf(Locale.ROOT, "%-32s max_abs_err=%.3e max_rel_err=%.3e %s%n", name, maxAbs, maxAbs, ok ? "PASS" : "FAIL");
        count(ok);
        return ok;
    }

    /** An output that could not be computed at all. */
    public boolean fail(String name, String why) {
        out.printf(Locale.ROOT, "%-32s %s FAIL%n", name, why);
        count(false);
        return false;
    }

    private void count(boolean ok) {
        if (ok) {
            passed++;
        } else {
            failed++;
        }
        out.flush();
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    /** Prints the closing line {@code verify: N passed, M failed} and returns the exit code. */
    public int finish() {
        out.printf(Locale.ROOT, "verify: %d passed, %d failed%n", passed, failed);
        out.flush();
        return failed == 0 && passed > 0 ? 0 : 1;
    }
}
