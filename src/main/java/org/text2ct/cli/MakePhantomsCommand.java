package org.text2ct.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.text2ct.train.PhantomNiftiSink;
import org.text2ct.train.phantom.PhantomDataset;
import org.text2ct.train.phantom.PhantomGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code make-phantoms}: a training folder of synthetic chest CT phantoms (NIfTI) with their reports. */
@Command(name = "make-phantoms", mixinStandardHelpOptions = true,
        description = "Write N synthetic chest CT phantoms as .nii.gz with reports.json/reports.csv, "
                + "the training-folder layout train-vae and train-ldm read.")
public final class MakePhantomsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write")
    Path out;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of cases")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (case i is the same for a seed whatever N)")
    long seed;

    @Option(names = "--size", defaultValue = "128,128,64", paramLabel = "x,y,z", description = "Voxels (default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--spacing", defaultValue = "3,3,5", paramLabel = "sx,sy,sz", description = "mm (default ${DEFAULT-VALUE})")
    String spacing;

    @Option(names = "--mirror-pairs", description = "Write each patient twice, the second time with its findings on "
            + "the other side (same anatomy and report wording); train-ldm draws twins together, a contrast for "
            + "learning left and right. N must be even")
    boolean mirrorPairs;

    @Override
    public Integer call() throws Exception {
        int[] n = TripleOption.ints("--size", size);
        PhantomGrid grid = PhantomGrid.of(n[0], n[1], n[2], TripleOption.doubles("--spacing", spacing));
        PrintWriter o = spec.commandLine().getOut();
        PhantomDataset.write(out, count, seed, mirrorPairs, grid, new PhantomNiftiSink(out), i -> {
            o.printf(Locale.ROOT, "\rphantom %d/%d", i, count);
            o.flush();
        }, () -> false);
        Files.writeString(out.resolve("dataset.json"), datasetRecord(n, grid) + "\n", StandardCharsets.UTF_8);
        o.printf(Locale.ROOT, "%nwrote %d phantoms (%d x %d x %d) to %s%n", count, n[0], n[1], n[2], out);
        o.flush();
        return 0;
    }

    /** What dataset.json records, so a model trained on this folder can name its data in its provenance. */
    private String datasetRecord(int[] n, PhantomGrid grid) {
        JsonObject d = new JsonObject();
        d.addProperty("generator", "text2ct make-phantoms");
        d.addProperty("seed", seed);
        d.addProperty("count", count);
        d.addProperty("mirror_pairs", mirrorPairs);
        JsonArray sizes = new JsonArray();
        for (int v : n) {
            sizes.add(v);
        }
        JsonArray spacings = new JsonArray();
        for (double v : new double[] {grid.sx(), grid.sy(), grid.sz()}) {
            spacings.add(v);
        }
        d.add("size", sizes);
        d.add("spacing", spacings);
        return d.toString();
    }
}
