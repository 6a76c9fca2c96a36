package org.text2ct;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the reference fixtures copied into src/test/resources/fixtures. */
public final class TestFixtures {
    private TestFixtures() {
    }

    public static Path path(String name) {
        var url = TestFixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("test fixture missing: src/test/resources/fixtures/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Largest |a − e| divided by the largest |e|, the tolerance measure of the fixtures' README. */
    public static double relativeError(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError("length " + actual.length + " != " + expected.length);
        }
        double maxErr = 0;
        double maxRef = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs((double) actual[i] - expected[i]);
            maxErr = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(maxErr, d);
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
        }
        return maxErr / maxRef;
    }
}
