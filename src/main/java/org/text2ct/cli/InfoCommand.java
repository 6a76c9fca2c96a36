package org.text2ct.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.VolumeFiles;
import org.text2ct.volume.VolumeStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code info}: size, spacing, orientation code and HU range of a CT volume. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show size, spacing, orientation and HU range of a volume (.nii, .nii.gz, .mha, .mhd, .dcm or a DICOM folder).")
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object (size, spacing, orientation, hu_min, hu_max, hu_mean)")
    boolean json;

    @Parameters(index = "0", paramLabel = "FILE", description = "The volume")
    Path file;

    @Override
    public Integer call() throws Exception {
        CtVolume volume = VolumeFiles.read(file);
        VolumeStats stats = VolumeStats.of(volume);
        PrintWriter out = spec.commandLine().getOut();
        int[] size = volume.size();
        double[] spacing = volume.spacing();
        if (json) {
            JsonObject o = new JsonObject();
            JsonArray s = new JsonArray();
            JsonArray sp = new JsonArray();
            for (int i = 0; i < 3; i++) {
                s.add(size[i]);
                sp.add(spacing[i]);
            }
            o.add("size", s);
            o.add("spacing", sp);
            o.addProperty("orientation", volume.orientationCode());
            o.addProperty("hu_min", stats.min());
            o.addProperty("hu_max", stats.max());
            o.addProperty("hu_mean", stats.mean());
            out.println(o);
        } else {
            out.printf(Locale.ROOT, "size:        %d x %d x %d%n", size[0], size[1], size[2]);
            out.printf(Locale.ROOT, "spacing:     %.4f x %.4f x %.4f mm%n", spacing[0], spacing[1], spacing[2]);
            out.printf(Locale.ROOT, "orientation: %s%n", volume.orientationCode());
            out.printf(Locale.ROOT, "HU:          min %.1f, max %.1f, mean %.2f%n", stats.min(), stats.max(), stats.mean());
        }
        out.flush();
        return 0;
    }
}
