package org.text2ct.model.vae;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

/**
 * Places each activation in engine memory while the RAM budget allows and in a scratch file
 * beyond it, so the decoder's memory stays bounded whatever the output size.
 */
final class StoreFactory {
    private final NDManager manager;
    private final long ramBudget;
    private final Path scratchDir;
    private long ramInUse;

    StoreFactory(NDManager manager, long ramBudget, Path scratchDir) {
        this.manager = manager;
        this.ramBudget = ramBudget;
        this.scratchDir = scratchDir;
    }

    PlaneStore create(int channels, int planes, int a, int b) {
        long bytes = PlaneStore.bytes(channels, planes, a, b);
        if (ramInUse + bytes <= ramBudget) {
            ramInUse += bytes;
            return new RamPlaneStore(manager, channels, planes, a, b, () -> ramInUse -= bytes);
        }
        return new FilePlaneStore(scratchDir, channels, planes, a, b);
    }
}
