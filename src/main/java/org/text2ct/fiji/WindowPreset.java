package org.text2ct.fiji;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** CT display windows in HU, as radiologists name them; the menu's {@code window} choice. */
public enum WindowPreset {
    LUNG(-1350, 150),
    MEDIASTINUM(-160, 240),
    BONE(-450, 1050),
    BRAIN(0, 80);

    private final double min;
    private final double max;

    WindowPreset(double min, double max) {
        this.min = min;
        this.max = max;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The name a macro writes, e.g. {@code window=lung}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choices for a dialog, in menu order. */
    public static String[] keys() {
        return Arrays.stream(values()).map(WindowPreset::key).toArray(String[]::new);
    }

    public static WindowPreset parse(String text) {
        for (WindowPreset w : values()) {
            if (w.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown window '" + text + "': use one of "
                + Arrays.stream(values()).map(WindowPreset::key).collect(Collectors.joining(", ")));
    }
}
