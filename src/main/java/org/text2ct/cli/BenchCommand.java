package org.text2ct.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.bench.BenchResult;
import org.text2ct.pipeline.bench.Benchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: time and peak memory of the networks at released sizes, with random weights. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure VAE decoding and UNet speed and memory at released network sizes (random weights).")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--what", required = true, description = "vae-decode, unet or pipeline")
    String what;

    @Option(names = "--latent", required = true, split = ",", description = "Latent size X,Y,Z (e.g. 128,128,48)")
    long[] latent;

    @Option(names = "--splits", split = ",",
            description = "VAE tensor splits, one case per value, e.g. 2,4,8 (default, or 0: chosen from free memory)")
    int[] splits = {0};

    @Option(names = "--batch", defaultValue = "2", description = "UNet batch (2 = one guided step)")
    int batch;

    @Option(names = "--context-length", defaultValue = "128", description = "Text tokens for the UNet")
    int contextLength;

    @Option(names = "--steps", defaultValue = "30", description = "Sampling steps for --what pipeline")
    int steps;

    @Option(names = "--repeat", defaultValue = "1", description = "Timed runs after the warm-up (best is reported)")
    int repeat;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed warm-up runs (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Option(names = "--json", description = "One JSON object per line")
    boolean json;

    @Override
    public Integer call() {
        if (latent.length != 3) {
            throw new IllegalArgumentException("--latent needs three sizes X,Y,Z, got " + latent.length);
        }
        if (repeat < 1 || warmup < 0) {
            throw new IllegalArgumentException("--repeat must be ≥ 1 and --warmup ≥ 0");
        }
        Benchmarks bench = new Benchmarks(Engines.device(device), repeat, warmup);
        if (!List.of("vae-decode", "unet", "pipeline").contains(what)) {
            throw new IllegalArgumentException("unknown --what '" + what + "': use vae-decode, unet or pipeline");
        }
        if (what.equals("pipeline") && splits.length != 1) {
            throw new IllegalArgumentException("--what pipeline takes one --splits value, got " + splits.length);
        }
        PrintWriter out = spec.commandLine().getOut();
        Consumer<BenchResult> print = r -> {
            out.println(json ? r.toJson() : r.tableRow());
            out.flush();
        };
        if (!json) {
            out.println(BenchResult.tableHeader());
        }
        switch (what) {
            case "unet" -> print.accept(bench.unet(latent, batch, contextLength));
            case "pipeline" -> bench.pipeline(latent, steps, contextLength, splits[0], print);
            default -> {
                for (int k : splits) {
                    print.accept(bench.vaeDecode(latent, k));
                }
            }
        }
        return 0;
    }
}
