package org.text2ct.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.pipeline.pkg.ModelLocator;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.train.DecoderTrainer;
import org.text2ct.train.TrainingCheckpoint;
import org.text2ct.train.TrainingLoop;
import org.text2ct.train.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tune-decoder}: fine-tunes a package's VAE decoder with the encoder frozen and writes the tuned package. */
@Command(name = "tune-decoder", mixinStandardHelpOptions = true,
        description = "Fine-tune the VAE decoder of a model package (L1 on random patches) with its encoder frozen, "
                + "so the latents, and with them the package's UNet, text encoder and latent scale factor, stay valid; "
                + "writes the tuned package OUT and, beside it, <name>.checkpoint.safetensors, <name>.loss.csv and "
                + "<name>.loss.png.")
public final class TuneDecoderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Package to tune (folder or .zip; 'default' = the model generate uses without --model)")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training folder (volumes + reports.json)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model package folder to write")
    Path out;

    @Option(names = "--steps", defaultValue = "2000")
    int steps;

    @Option(names = "--batch", defaultValue = "2")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-4", description = "Peak learning rate (warm-up, then cosine decay)")
    double lr;

    @Option(names = "--patch", defaultValue = "64,64,32", paramLabel = "x,y,z")
    String patch;

    @Option(names = "--checkpoint-every", defaultValue = "200")
    int checkpointEvery;

    @Mixin
    TrainingRunOptions run;

    @Override
    public Integer call() throws Exception {
        ModelPackage source = ModelLocator.open(model.equals("default") ? null : Path.of(model));
        if (Files.exists(out) && Files.isSameFile(out, source.directory())) {
            throw new IllegalArgumentException("--out " + out + " is the package being tuned; write the tuned package "
                    + "to another folder so the original stays as it is");
        }
        TrainingCheckpoint ckpt = run.checkpoint(DecoderTrainer.KIND);
        long runSeed = run.seed(ckpt);
        TrainingSet set = TrainingSet.load(data);
        Path dir = out.toAbsolutePath().getParent();
        String name = out.getFileName().toString();
        Files.createDirectories(dir);
        PrintWriter o = spec.commandLine().getOut();
        try (NDManager manager = run.manager()) {
            o.println("encoding " + set.volumes().size() + " volumes with the frozen encoder, device " + manager.getDevice());
            o.flush();
            DecoderTrainer.Settings s = new DecoderTrainer.Settings(steps, batch, lr, TripleOption.ints("--patch", patch),
                    runSeed, run.maxGradNorm);
            DecoderTrainer t = new DecoderTrainer(s, set, source, manager, ckpt, TrainingProvenance.of("text2ct tune-decoder", spec, set, data, runSeed), n -> {
                o.print("\rencoded " + n + "/" + set.volumes().size());
                o.flush();
            });
            o.println();
            TrainingLoop.run(t, steps, checkpointEvery, TrainingLoop.RunFiles.beside(out, dir, name),
                    "VAE decoder " + name, line -> {
                        o.println(line);
                        o.flush();
                    }, () -> false);
        }
        o.println("wrote model package " + out);
        o.flush();
        return 0;
    }
}
