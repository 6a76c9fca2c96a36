package org.text2ct.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.train.DemoConfigs;
import org.text2ct.train.TrainingCheckpoint;
import org.text2ct.train.TrainingLoop;
import org.text2ct.train.TrainingSet;
import org.text2ct.train.VaeTrainer;
import org.text2ct.train.WeightMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train-vae}: trains the MAISI VAE on a training folder; checkpoints, loss CSV and curve beside the output. */
@Command(name = "train-vae", mixinStandardHelpOptions = true,
        description = "Train the VAE (L1 + KL) on random patches; writes OUT (weights with config metadata) and, beside it, "
                + "<stem>.checkpoint.safetensors, <stem>.loss.csv and <stem>.loss.png.")
public final class TrainVaeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training folder (volumes + reports.json)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE.safetensors")
    Path out;

    @Option(names = "--config", paramLabel = "vae.json", description = "MONAI AutoencoderKlMaisi arguments (default: the demo VAE)")
    Path config;

    @Option(names = "--steps", defaultValue = "2000")
    int steps;

    @Option(names = "--batch", defaultValue = "2")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (warm-up, then cosine decay)")
    double lr;

    @Option(names = "--patch", defaultValue = "64,64,32", paramLabel = "x,y,z")
    String patch;

    @Option(names = "--kl-weight", defaultValue = "1e-6")
    double klWeight;

    @Option(names = "--checkpoint-every", defaultValue = "100")
    int checkpointEvery;

    @Mixin
    TrainingRunOptions run;

    @Override
    public Integer call() throws Exception {
        TrainingCheckpoint ckpt = run.checkpoint(VaeTrainer.KIND);
        String configJson = ckpt != null ? ckpt.settings().get(WeightMetadata.CONFIG)
                : config != null ? Files.readString(config, StandardCharsets.UTF_8) : DemoConfigs.VAE_JSON;
        long runSeed = run.seed(ckpt);
        TrainingSet set = TrainingSet.load(data);
        String stem = out.getFileName().toString().replaceFirst("\\.safetensors$", "");
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        PrintWriter o = spec.commandLine().getOut();
        try (NDManager manager = run.manager()) {
            VaeTrainer.Settings s = new VaeTrainer.Settings(configJson, steps, batch, lr,
                    TripleOption.ints("--patch", patch), runSeed, klWeight, run.maxGradNorm);
            VaeTrainer t = new VaeTrainer(s, set, manager, ckpt);
            o.println("training VAE on " + set.volumes().size() + " volumes, device " + manager.getDevice());
            o.flush();
            TrainingLoop.run(t, steps, checkpointEvery, TrainingLoop.RunFiles.beside(out, dir, stem), "VAE " + stem,
                    line -> {
                        o.println(line);
                        o.flush();
                    }, () -> false);
        }
        o.println("wrote " + out);
        o.flush();
        return 0;
    }
}
