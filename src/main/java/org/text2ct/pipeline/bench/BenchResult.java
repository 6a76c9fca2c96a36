package org.text2ct.pipeline.bench;

import com.google.gson.JsonObject;
import java.util.Locale;

/** One measured case: best time over the repeats (after a warm-up) and the process's peak memory. */
public record BenchResult(String name, String latent, String splits, double seconds, long peakMb) {
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("latent", latent);
        o.addProperty("splits", splits);
        o.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
        o.addProperty("peak_mb", peakMb);
        return o.toString();
    }

    public static String tableHeader() {
        return String.format(Locale.ROOT, "%-28s %-14s %-8s %10s %10s", "name", "latent", "splits", "seconds", "peak_mb");
    }

    public String tableRow() {
        return String.format(Locale.ROOT, "%-28s %-14s %-8s %10.2f %10d", name, latent, splits, seconds, peakMb);
    }
}
