package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Runs one {@link SlabStage} over the whole tensor, slab by slab along the split axis, writing
 * the output planes and gathering the output's group statistics for the next norm. Slab
 * lengths may differ by one plane, so any split count works for any length.
 */
final class StageRunner {
    private final NDManager manager;
    private final StoreFactory stores;
    private final int splits;
    private final int groups;
    private final Runnable checkCancelled;

    StageRunner(NDManager manager, StoreFactory stores, int splits, int groups, Runnable checkCancelled) {
        this.manager = manager;
        this.stores = stores;
        this.splits = splits;
        this.groups = groups;
        this.checkCancelled = checkCancelled;
    }

    SlabTensor run(SlabStage stage, SlabTensor in, SlabTensor residual) {
        PlaneStore src = in.store();
        int planes = stage.outLength(src.planes());
        int channels = stage.conv.outChannels();
        PlaneStore out = stores.create(channels, planes, stage.outLength(src.sizeA()), stage.outLength(src.sizeB()));
        GroupStats stats = channels % groups == 0 ? new GroupStats(groups) : null;
        try {
            int pieces = Math.min(splits, planes);
            for (int i = 0; i < pieces; i++) {
                checkCancelled.run();
                int from = bound(planes, pieces, i);
                int to = bound(planes, pieces, i + 1);
                try (NDManager m = manager.newSubManager()) {
                    NDArray y = stage.compute(m, in, residual, from, to);
                    if (stats != null) {
                        stats.add(y);
                    }
                    out.write(from, y);
                }
            }
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
        return new SlabTensor(out, stats);
    }

    /** Start of piece i when n planes are cut into k nearly equal pieces. */
    static int bound(int n, int k, int i) {
        return (int) ((long) n * i / k);
    }
}
