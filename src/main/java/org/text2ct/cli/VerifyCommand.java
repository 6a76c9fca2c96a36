package org.text2ct.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.pipeline.verify.BiomedClipTextCheck;
import org.text2ct.pipeline.verify.FidCheck;
import org.text2ct.pipeline.verify.FixtureCheck;
import org.text2ct.pipeline.verify.PipelineCheck;
import org.text2ct.pipeline.verify.SchedulersCheck;
import org.text2ct.pipeline.verify.T5Check;
import org.text2ct.pipeline.verify.UnetCheck;
import org.text2ct.pipeline.verify.VaeCheck;
import org.text2ct.pipeline.verify.VerifyOptions;
import org.text2ct.pipeline.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify}: recomputes every output in a reference (io) file and compares. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check this engine against known-answer files from the reference implementation.")
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, converter = KindConverter.class, description = "What to check: ${COMPLETION-CANDIDATES}")
    Kind kind;

    @Option(names = "--weights", description = "Weights (safetensors) with the network's config in its metadata")
    Path weights;

    @Option(names = "--io", required = true, description = "Reference inputs and outputs (safetensors)")
    Path io;

    @Option(names = "--vae", description = "VAE weights (pipeline kind)")
    Path vae;

    @Option(names = "--splits", description = "Also decode the latent with this many tensor splits")
    Integer splits;

    @Option(names = "--split-dim", description = "Spatial dim to split along (0, 1 or 2; default 0)")
    Integer splitDim;

    @Option(names = "--tolerance", defaultValue = "1e-5", description = "Max error relative to the reference's max |value| (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    /** The kinds of check; each names the fixture family it reads. */
    public enum Kind {
        MAISI_VAE("maisi-vae"), MAISI_UNET("maisi-unet"), SCHEDULERS("schedulers"), PIPELINE("pipeline"), FID("fid"),
        T5("t5"), BIOMEDCLIP_TEXT("biomedclip-text");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Accepts the kinds' labels as users type them (e.g. {@code maisi-vae}). */
    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.label.equalsIgnoreCase(value.trim())) {
                    return k;
                }
            }
            throw new TypeConversionException("unknown kind '" + value + "'; use one of "
                    + java.util.Arrays.toString(Kind.values()));
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VerifyReport report = new VerifyReport(out, tolerance);
        VerifyOptions options = new VerifyOptions(weights, io, vae, splits, splitDim, device);
        check(kind).run(options, report);
        return report.finish();
    }

    private static FixtureCheck check(Kind kind) {
        return switch (kind) {
            case MAISI_VAE -> new VaeCheck();
            case MAISI_UNET -> new UnetCheck();
            case SCHEDULERS -> new SchedulersCheck();
            case PIPELINE -> new PipelineCheck();
            case FID -> new FidCheck();
            case T5 -> new T5Check();
            case BIOMEDCLIP_TEXT -> new BiomedClipTextCheck();
        };
    }
}
