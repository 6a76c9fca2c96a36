package org.text2ct.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory (heap and native together), from /proc/self/status on Linux. */
public final class PeakMemory {
    private PeakMemory() {
    }

    /**
     * Starts a new peak: Linux resets VmHWM to the current resident size when "5" is written to
     * clear_refs, so each benchmark case reports its own peak rather than an earlier case's.
     */
    public static void reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            // not Linux or not permitted: peaks then cover the whole process, which is still an upper bound
        }
    }

    /** VmHWM in MB, or −1 where the system does not report it. */
    public static long peakResidentMb() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
