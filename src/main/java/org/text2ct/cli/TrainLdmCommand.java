package org.text2ct.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.ParamStore;
import org.text2ct.pipeline.importers.DefaultSchedulers;
import org.text2ct.pipeline.pkg.ModelLocator;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.SchedulerFactory;
import org.text2ct.text.ReportSection;
import org.text2ct.train.DemoConfigs;
import org.text2ct.train.LatentDataset;
import org.text2ct.train.LdmInit;
import org.text2ct.train.LdmPackage;
import org.text2ct.train.LdmText;
import org.text2ct.train.LdmTrainer;
import org.text2ct.train.TrainingCheckpoint;
import org.text2ct.train.TrainingLoop;
import org.text2ct.train.TrainingPrompts;
import org.text2ct.train.TrainingSet;
import org.text2ct.train.UnetPositionInput;
import org.text2ct.train.WeightMetadata;
import org.text2ct.train.WordLevelText;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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

    @Option(names = "--vae", paramLabel = "FILE",
            description = "Trained VAE (train-vae or import vae output); not with --init, which brings its own")
    Path vaeFile;

    @Option(names = "--init", paramLabel = "MODEL",
            description = "Fine-tune this model package (folder or .zip; 'default' = the model generate uses without "
                    + "--model): its UNet and T5 train on, its VAE, tokenizer, scheduler and latent scale factor are kept")
    String init;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model package folder to write")
    Path out;

    @Option(names = "--steps", defaultValue = "5000")
    int steps;

    @Option(names = "--batch", defaultValue = "4")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-4")
    double lr;

    @Option(names = "--scheduler", description = "rectified_flow (default) or ddim (v-prediction); --init keeps the package's")
    String scheduler;

    @Option(names = "--prompt-dropout", defaultValue = "0.1", description = "Share of empty prompts (classifier-free guidance)")
    double promptDropout;

    @Option(names = "--prompt-sections", split = ",", paramLabel = "SECTION",
            defaultValue = "description,demographics,findings,impressions", converter = SectionConverter.class,
            description = "Report sections training prompts are drawn from (default: all four)")
    Set<ReportSection> promptSections;

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

    @Option(names = "--guidance", description = "Guidance scale recorded in the package (default: 5, or the --init package's)")
    Double guidance;

    @Option(names = "--twin-weight", defaultValue = "0", paramLabel = "W", description = "With mirrored twins in the "
            + "data: add W times the MSE between a pair's difference of predictions and of targets, the part of the "
            + "loss that depends on left and right (default 0)")
    double twinWeight;

    @Option(names = "--mask-padding", description = "Cross-attention skips the padded tokens, so a short prompt is not "
            + "drowned by padding (recorded in the package; --init keeps a package's setting)")
    boolean maskPadding;

    @Option(names = "--position-input", description = "The UNet also sees each voxel's coordinates, so a prompt's side "
            + "can be tied to a side of the volume (recorded in the package's UNet config; with --init, the new inputs "
            + "start at zero weight, so training starts from the package's own output)")
    boolean positionInput;

    @Option(names = "--checkpoint-every", defaultValue = "200")
    int checkpointEvery;

    @Mixin
    TrainingRunOptions run;

    @Override
    public Integer call() throws Exception {
        if ((vaeFile == null) == (init == null)) {
            throw new IllegalArgumentException("give either --vae (train a new model) or --init MODEL (fine-tune one)");
        }
        for (String network : new String[] {"--text", "--text-width", "--unet-channels", "--unet-config"}) {
            if (init != null && spec.commandLine().getParseResult().hasMatchedOption(network)) {
                throw new IllegalArgumentException("--init takes the networks from the package; leave out " + network);
            }
        }
        LdmInit from = init == null ? null
                : LdmInit.of(ModelLocator.open(init.equals("default") ? null : Path.of(init)));
        SchedulerEntry schedulerEntry = from != null ? from.manifest().scheduler() : defaultScheduler(scheduler);
        if (from != null && scheduler != null && !scheduler.equals(schedulerEntry.type().label())) {
            throw new IllegalArgumentException("--init " + init + " was trained with the " + schedulerEntry.type().label()
                    + " scheduler; fine-tuning keeps it, so leave out --scheduler " + scheduler);
        }
        Path vae = from != null ? from.vaeFile() : vaeFile;
        double guidanceScale = guidance != null ? guidance
                : from != null ? from.manifest().guidance().scale() : ModelManifest.Guidance.DEFAULT_SCALE;
        TrainingCheckpoint ckpt = run.checkpoint(LdmTrainer.KIND);
        long runSeed = run.seed(ckpt);
        TrainingSet set = TrainingSet.load(data);
        TrainingPrompts prompts = new TrainingPrompts(promptDropout, promptSections);
        prompts.check(set.cases());
        Path dir = out.toAbsolutePath().getParent();
        String name = out.getFileName().toString();
        Files.createDirectories(dir);
        PrintWriter o = spec.commandLine().getOut();
        try (NDManager manager = run.manager();
             LdmText textSide = from != null ? from.text(manager, runSeed + 1, LdmTrainer.textParams(ckpt))
                     : textSide(set, dir, manager, runSeed, ckpt)) {
            String unetJson = ckpt != null ? ckpt.settings().get(WeightMetadata.CONFIG) : from != null ? from.unetJson()
                    : unetConfig != null ? Files.readString(unetConfig, StandardCharsets.UTF_8)
                    : DemoConfigs.unetJson(unetChannels, textSide.width());
            Map<String, TensorData> initial = from != null ? from.unet() : Map.of();
            UnetPositionInput net = positionInput ? UnetPositionInput.enable(unetJson, initial, ckpt != null)
                    : new UnetPositionInput(unetJson, initial);
            o.println("encoding " + set.volumes().size() + " volumes with the frozen VAE, device " + manager.getDevice());
            o.flush();
            OptionalDouble scale = from != null ? OptionalDouble.of(from.scaleFactor()) : OptionalDouble.empty();
            LatentDataset latents = LatentDataset.encode(loadVae(vae, manager), set, manager, scale, n -> {
                o.print("\rencoded " + n + "/" + set.volumes().size());
                o.flush();
            });
            o.println();
            var sched = SchedulerFactory.build(schedulerEntry);
            LdmPackage.Spec pkg = new LdmPackage.Spec(name, (from != null ? "Text2CT model fine-tuned from "
                    + from.manifest().name() : "Text2CT model trained") + " by text2ct train-ldm on " + data.getFileName(),
                    vae, schedulerEntry.type(), schedulerEntry.config().toString(), schedulerEntry.numInferenceSteps(),
                    guidanceScale, set.size(), set.spacing());
            LdmTrainer.Settings s = new LdmTrainer.Settings(net.unetJson(), steps, batch, lr, runSeed, prompts,
                    run.maxGradNorm, 1000, twinWeight,
                    maskPadding || from != null && from.manifest().conditioning().maskPadding());
            LdmTrainer t = new LdmTrainer(s, set.cases(), latents, sched, textSide, manager,
                    net.weights(), ckpt, pkg, provenance(set, runSeed, from));
            o.printf("latent %s, scale factor %.5f%n", java.util.Arrays.toString(latents.shape()), latents.scaleFactor());
            if (t.twinnedCases() > 0) {
                o.printf("%d of %d cases are drawn with their mirrored twin%n", t.twinnedCases(), set.cases().size());
            }
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

    private static SchedulerEntry defaultScheduler(String name) {
        SchedulerType type = switch (name == null ? "rectified_flow" : name) {
            case "rectified_flow" -> SchedulerType.RECTIFIED_FLOW;
            case "ddim" -> SchedulerType.DDIM;
            default -> throw new IllegalArgumentException("--scheduler must be rectified_flow or ddim, got " + name);
        };
        return new SchedulerEntry(type, JsonParser.parseString(DefaultSchedulers.config(type)).getAsJsonObject(),
                DefaultSchedulers.steps(type));
    }

    private static MaisiVae loadVae(Path vaeFile, NDManager manager) throws java.io.IOException {
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

    private JsonObject provenance(TrainingSet set, long runSeed, LdmInit from) throws java.io.IOException {
        JsonObject p = TrainingProvenance.of("text2ct train-ldm", spec, set, data, runSeed);
        if (from != null) {
            JsonObject base = new JsonObject();
            base.addProperty("name", from.manifest().name());
            base.addProperty("unet_sha256", from.manifest().unet().sha256());
            base.add("provenance", from.manifest().provenance());
            p.add("fine_tuned_from", base);
        }
        return p;
    }

    /** A report section by its reports.json key (description, demographics, findings, impressions). */
    static final class SectionConverter implements ITypeConverter<ReportSection> {
        @Override
        public ReportSection convert(String key) {
            for (ReportSection r : ReportSection.values()) {
                if (r.key().equals(key.trim())) {
                    return r;
                }
            }
            throw new TypeConversionException("'" + key + "' is not a report section; use description, demographics, "
                    + "findings or impressions");
        }
    }
}
