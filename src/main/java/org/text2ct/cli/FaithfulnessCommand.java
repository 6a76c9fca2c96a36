package org.text2ct.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.pipeline.pkg.ModelLocator;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.train.faithfulness.FaithfulnessCheck;
import org.text2ct.train.faithfulness.FaithfulnessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faithfulness}: does a phantom-trained model put the prompted findings where the prompt says? */
@Command(name = "faithfulness", mixinStandardHelpOptions = true,
        description = "Generate N volumes from held-back phantom prompts with and without guidance, find nodules, "
                + "effusions and cardiomegaly in them by image analysis, and print per-finding and laterality "
                + "accuracy and FID (the model's VAE-latent features) against the held-back phantoms.")
public final class FaithfulnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Model package folder or .zip (default: $TEXT2CT_MODEL, else the demo model)")
    Path model;

    @Option(names = "--n", defaultValue = "20", paramLabel = "N", description = "Held-back cases (default 20)")
    int n;

    @Option(names = "--case-seed", defaultValue = "7919",
            description = "Seed of the held-back cases; keep it apart from the training set's make-phantoms seed")
    long caseSeed;

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed of the first case (+1 per case)")
    long seed;

    @Option(names = "--steps", description = "Sampling steps (default: the model's)")
    Integer steps;

    @Option(names = "--guidance", description = "Guidance scale of the guided set, > 1 (default: the model's)")
    Double guidance;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Override
    public Integer call() throws Exception {
        ModelPackage pkg = ModelLocator.open(model);
        ModelManifest m = pkg.manifest();
        double scale = guidance != null ? guidance : m.guidance().scale();
        if (!(scale > 1)) {
            throw new IllegalArgumentException("the guided set needs a guidance scale above 1, got " + scale);
        }
        PrintWriter out = spec.commandLine().getOut();
        FaithfulnessCheck.Settings s = new FaithfulnessCheck.Settings(n, caseSeed, seed,
                steps != null ? steps : m.scheduler().numInferenceSteps(), scale, device);
        FaithfulnessReport r = FaithfulnessCheck.run(pkg, s, line -> {
            out.println(line);
            out.flush();
        });
        out.print(r.table());
        out.flush();
        return 0;
    }
}
