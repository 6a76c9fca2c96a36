package org.text2ct.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.pipeline.importers.DefaultSchedulers;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.SchedulerFactory;
import org.text2ct.train.DemoConfigs;
import org.text2ct.train.LatentDataset;
import org.text2ct.train.LdmPackage;
import org.text2ct.train.LdmText;
import org.text2ct.train.LdmTrainer;
import org.text2ct.train.TrainingCheckpoint;
import org.text2ct.train.TrainingLoop;
import org.text2ct.train.TrainingSet;
import org.text2ct.train.WeightMetadata;
import org.text2ct.train.WordLevelText;
import org.text2ct.weights.SafeTensorsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train-ldm}: trains the text-conditioned diffusion UNet on frozen-VAE latents and writes a model package. */
@Command(name = "train-ldm", mixinStandardHelpOptions = true,
        description = "Train the diffusion UNet (and a word-level T5 from scratch, or use an imported frozen T5) on the "
                + "frozen VAE's latents; writes the model package OUT and, beside it, <name>.checkpoint.safetensors, "
                + "<name>.loss.csv and <name>.loss.png.")
public final class TrainLdmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR")
    Path data;

    @Option(names = "--vae", required = true, paramLabel = "FILE", description = "Trained VAE (train-vae or import vae output)")
    Path vaeFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model package folder to write")
    Path out;

    @Option(names = "--steps", defaultValue = "5000")
    int steps;

    @Option(names = "--batch", defaultValue = "4")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-4")
    double lr;

    @Option(names = "--scheduler", defaultValue = "rectified_flow", description = "rectified_flow or ddim (v-prediction)")
    String scheduler;

    @Option(names = "--prompt-dropout", defaultValue = "0.1", description = "Share of empty prompts (classifier-free guidance)")
    double promptDropout;

    @Option(names = "--text", defaultValue = "word", paramLabel = "word|t5:FOLDER",
            description = "word: a word-level T5 trained from scratch on the reports; t5:FOLDER: an imported T5 (frozen)")
    String text;

    @Option(names = "--text-width", defaultValue = "64", description = "d_model of the from-scratch encoder")
    int textWidth;

    @Option(names = "--max-length", defaultValue = "128", description = "Token length for an imported T5")
    int maxLength;

    @Option(names = "--unet-channels", defaultValue = "32", description = "Top-level channels of the demo UNet")
    int unetChannels;

    @Option(names = "--unet-config", paramLabel = "unet.json", description = "MONAI DiffusionModelUNetMaisi arguments")
    Path unetConfig;

    @Option(names = "--guidance", defaultValue = "5.0")
    double guidance;

    @Option(names = "--max-grad-norm", defaultValue = "1.0")
    double maxGradNorm;

    @Option(names = "--checkpoint-every", defaultValue = "200")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "CKPT")
    Path resume;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--device", defaultValue = "auto")
    String device;

    @Override
    public Integer call() throws Exception {
        SchedulerType type = switch (scheduler) {
            case "rectified_flow" -> SchedulerType.RECTIFIED_FLOW;
            case "ddim" -> SchedulerType.DDIM;
            default -> throw new IllegalArgumentException("--scheduler must be rectified_flow or ddim, got " + scheduler);
        };
        TrainingCheckpoint ckpt = resume == null ? null : TrainingCheckpoint.load(resume, LdmTrainer.KIND);
        long runSeed = ckpt != null ? ckpt.seed() : seed;
        TrainingSet set = TrainingSet.load(data);
        Path dir = out.toAbsolutePath().getParent();
        String name = out.getFileName().toString();
        Files.createDirectories(dir);
        PrintWriter o = spec.commandLine().getOut();
        try (NDManager manager = NDManager.newBaseManager(Engines.device(device), "PyTorch");
             LdmText textSide = textSide(set, dir, manager, runSeed, ckpt)) {
            String unetJson = ckpt != null ? ckpt.settings().get(WeightMetadata.CONFIG) : unetConfig != null
                    ? Files.readString(unetConfig, StandardCharsets.UTF_8) : DemoConfigs.unetJson(unetChannels, textSide.width());
            o.println("encoding " + set.volumes().size() + " volumes with the frozen VAE, device " + manager.getDevice());
            o.flush();
            LatentDataset latents = LatentDataset.encode(loadVae(manager), set, manager, n -> {
                o.print("\rencoded " + n + "/" + set.volumes().size());
                o.flush();
            });
            o.println();
            String schedulerJson = DefaultSchedulers.config(type);
            int inferenceSteps = DefaultSchedulers.steps(type);
            var sched = SchedulerFactory.build(new SchedulerEntry(type,
                    JsonParser.parseString(schedulerJson).getAsJsonObject(), inferenceSteps));
            LdmPackage.Spec pkg = new LdmPackage.Spec(name, "Text2CT demo model trained by text2ct train-ldm on "
                    + data.getFileName(), vaeFile, type, schedulerJson, inferenceSteps, guidance, set.size(), set.spacing());
            LdmTrainer.Settings s = new LdmTrainer.Settings(unetJson, steps, batch, lr, runSeed, promptDropout,
                    maxGradNorm, 1000);
            LdmTrainer t = new LdmTrainer(s, set.cases(), latents, sched, textSide, manager, ckpt, pkg,
                    provenance(set, runSeed));
            o.printf("latent %s, scale factor %.5f%n", java.util.Arrays.toString(latents.shape()), latents.scaleFactor());
            o.flush();
            TrainingLoop.run(t, steps, checkpointEvery, TrainingLoop.RunFiles.beside(out, dir, name), "LDM " + name,
                    line -> {
                        o.println(line);
                        o.flush();
                    }, () -> false);
        }
        o.println("wrote model package " + out);
        o.flush();
        return 0;
    }

    private LdmText textSide(TrainingSet set, Path dir, NDManager manager, long runSeed, TrainingCheckpoint ckpt)
            throws java.io.IOException {
        if (text.equals("word")) {
            Path work = Files.createDirectories(dir.resolve("." + out.getFileName() + ".text"));
            return WordLevelText.create(set.cases(), work, textWidth, 2, manager, runSeed + 1,
                    LdmTrainer.textParams(ckpt));
        }
        if (text.startsWith("t5:")) {
            return LdmText.frozen(Path.of(text.substring(3)), maxLength, manager);
        }
        throw new IllegalArgumentException("--text must be word or t5:FOLDER, got " + text);
    }

    private MaisiVae loadVae(NDManager manager) throws java.io.IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(vaeFile)) {
            String config = f.metadata().get(WeightMetadata.CONFIG);
            if (config == null) {
                throw new IllegalArgumentException(vaeFile + " has no config metadata; make it with train-vae or import vae");
            }
            ParamStore p = new ParamStore(f, manager);
            MaisiVae vae = new MaisiVae(VaeConfig.fromJson(config), p);
            p.checkStrict();
            return vae;
        }
    }

    private JsonObject provenance(TrainingSet set, long runSeed) throws java.io.IOException {
        JsonObject p = new JsonObject();
        p.addProperty("tool", "text2ct train-ldm");
        p.addProperty("command_line", "text2ct " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        p.addProperty("training_cases", set.cases().size());
        p.addProperty("seed", runSeed);
        Path dataset = data.resolve("dataset.json");
        if (Files.isRegularFile(dataset)) {
            p.add("data", JsonParser.parseString(Files.readString(dataset, StandardCharsets.UTF_8)));
        }
        return p;
    }
}
