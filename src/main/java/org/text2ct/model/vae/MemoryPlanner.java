package org.text2ct.model.vae;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses the split count from free memory: the smallest count whose largest slab (working
 * arrays of the heaviest stage) fits in half the budget, leaving the rest for activations kept
 * in memory. Estimates are deliberately conservative multiples of the arrays a stage touches.
 */
final class MemoryPlanner {
    private MemoryPlanner() {
    }

    /** Bytes the process may still use: MemAvailable on Linux, else the JVM's own view. */
    static long availableBytes() {
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            try {
                for (String line : Files.readAllLines(meminfo)) {
                    if (line.startsWith("MemAvailable:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through to the JVM's figure
            }
        }
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Largest working-set estimate over all stages for k splits; shape is canonical [C, S, A, B]. */
    static long peakSlabBytes(List<VaeBlock> blocks, long[] shape, int k) {
        long c = shape[0];
        long s = shape[1];
        long a = shape[2];
        long b = shape[3];
        long peak = 0;
        for (VaeBlock block : blocks) {
            long blockIn = c;
            for (SlabStage st : block.stages()) {
                long cin = st == block.stages()[0] ? blockIn : c;
                long cout = st.conv.outChannels();
                long so = st.outLength((int) s);
                long ao = st.outLength((int) a);
                long bo = st.outLength((int) b);
                long rows = (so + k - 1) / k + 2;
                long inFactor = st.upsample ? 6 : (st.conv.stride() == 2 ? 3 * 8 : 3);
                long bytes = 4 * rows * ao * bo * (inFactor * cin + 3 * cout + (st.residual ? 2 * blockIn : 0));
                peak = Math.max(peak, bytes);
                c = cout;
                s = so;
                a = ao;
                b = bo;
            }
        }
        return peak;
    }

    /** The smallest k (≤ maxSplits) whose peak slab fits half of {@code budget}. */
    static int chooseSplits(List<VaeBlock> blocks, long[] shape, long budget, int maxSplits) {
        for (int k = 1; k < maxSplits; k++) {
            if (peakSlabBytes(blocks, shape, k) <= budget / 2) {
                return k;
            }
        }
        return maxSplits;
    }
}
