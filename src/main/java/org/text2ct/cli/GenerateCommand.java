package org.text2ct.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.GenerateRequest;
import org.text2ct.pipeline.GenerationModel;
import org.text2ct.pipeline.GenerationModels;
import org.text2ct.pipeline.GenerationPipeline;
import org.text2ct.pipeline.GenerationResult;
import org.text2ct.pipeline.PromptList;
import org.text2ct.pipeline.VolumeOutput;
import org.text2ct.pipeline.pkg.ModelLocator;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: prompt(s) → CT volume(s) in HU, written as float32 NIfTI. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate CT volumes from text with a model package (default: the bundled demo model).")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model package folder or .zip (default: $TEXT2CT_MODEL, else the demo model)")
    Path model;

    @Option(names = "--prompt", description = "Radiology-style description of the CT")
    String prompt;

    @Option(names = "--prompts", description = "Batch: a text file (one prompt per line) or CSV with columns prompt[,seed]")
    Path prompts;

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed (batch: first seed, +1 per prompt without one)")
    long seed;

    @Option(names = "--steps", description = "Sampling steps (default: the model's)")
    Integer steps;

    @Option(names = "--guidance", description = "Classifier-free guidance scale, 1 = none (default: the model's)")
    Double guidance;

    @Option(names = "--size", split = ",", description = "Output size X,Y,Z in voxels (default: the model's)")
    int[] size;

    @Option(names = "--spacing", split = ",", description = "Output spacing X,Y,Z in mm (default: the model's)")
    double[] spacing;

    @Option(names = "--out", required = true, description = "Output .nii/.nii.gz file; with --prompts, a folder")
    Path out;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Option(names = "--splits", defaultValue = "auto", description = "VAE tensor splits: auto or a number")
    String splits;

    @Option(names = "--overwrite", description = "Replace existing output files")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        if ((prompt == null) == (prompts == null)) {
            throw new IllegalArgumentException("give either --prompt TEXT or --prompts FILE");
        }
        int splitCount = splits.equals("auto") ? 0 : parseSplits(splits);
        List<PromptList.Entry> jobs = prompt != null ? List.of(new PromptList.Entry(prompt, seed)) : PromptList.read(prompts, seed);
        List<Path> targets = prompt != null ? List.of(out) : VolumeOutput.batchNames(out, jobs);
        VolumeOutput.checkWritable(targets, overwrite);
        ModelPackage pkg = ModelLocator.open(model);
        ModelManifest m = pkg.manifest();
        try (NDManager manager = NDManager.newBaseManager(Engines.device(device), "PyTorch")) {
            GenerationModel gm = GenerationModels.load(pkg, manager);
            GenerationPipeline pipeline = new GenerationPipeline(gm, manager);
            for (int i = 0; i < jobs.size(); i++) {
                PromptList.Entry job = jobs.get(i);
                GenerateRequest r = new GenerateRequest(job.prompt(), job.seed(),
                        steps != null ? steps : m.scheduler().numInferenceSteps(),
                        guidance != null ? guidance : m.guidance().scale(),
                        size != null ? size : m.output().size(), spacing != null ? spacing : m.output().spacing(), splitCount);
                GenerationResult result;
                try (TerminalProgress bar = new TerminalProgress(jobs.size() == 1 ? "sampling"
                        : "volume " + (i + 1) + "/" + jobs.size())) {
                    result = pipeline.generate(r, bar, CancelToken.NEVER);
                }
                VolumeOutput.writeNifti(result, targets.get(i), overwrite);
                System.out.println("wrote " + targets.get(i) + " (seed " + job.seed() + ", sampling "
                        + result.metadata().get("sampling_seconds") + " s, decoding "
                        + result.metadata().get("decoding_seconds") + " s)");
            }
        }
        return 0;
    }

    private static int parseSplits(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--splits must be auto or a positive number, got '" + s + "'");
    }
}
