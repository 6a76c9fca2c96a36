package org.text2ct.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.text2ct.nn.Engines;
import org.text2ct.train.TrainingCheckpoint;
import picocli.CommandLine.Option;

/** The options the training commands share: gradient clipping, resuming, seed and device. */
final class TrainingRunOptions {
    @Option(names = "--max-grad-norm", defaultValue = "1.0", description = "Clip gradients to this global norm")
    double maxGradNorm;

    @Option(names = "--resume", paramLabel = "CKPT",
            description = "Continue a run from its checkpoint (its seed and network config win)")
    Path resume;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    /** The checkpoint to resume from, or null for a fresh run. */
    TrainingCheckpoint checkpoint(String kind) throws IOException {
        return resume == null ? null : TrainingCheckpoint.load(resume, kind);
    }

    /** A resumed run keeps its checkpoint's seed, as per-step randomness derives from it. */
    long seed(TrainingCheckpoint ckpt) {
        return ckpt != null ? ckpt.seed() : seed;
    }

    NDManager manager() {
        return NDManager.newBaseManager(Engines.device(device), "PyTorch");
    }
}
