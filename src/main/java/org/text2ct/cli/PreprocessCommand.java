package org.text2ct.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.IntensityScaling;
import org.text2ct.volume.Preprocessing;
import org.text2ct.volume.VolumeFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code preprocess}: the paper's preprocessing (RAS, spacing, size, HU clip) from one volume file to another. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Orient to RAS, resample, crop/pad around the body (air = -1000 HU) and clip to [-1000, 1000] HU.")
public final class PreprocessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input volume (.nii, .nii.gz, .mha, .mhd, .dcm or a DICOM folder)")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output volume (.nii, .nii.gz, .mha or .mhd)")
    Path out;

    @Option(names = "--spacing", paramLabel = "sx,sy,sz", description = "Target spacing in mm")
    String spacing;

    @Option(names = "--size", paramLabel = "x,y,z", description = "Target size in voxels")
    String size;

    @Option(names = "--unit-range", description = "Write values scaled to [0, 1] (model input) instead of HU")
    boolean unitRange;

    @Option(names = "--overwrite", description = "Replace OUT if it exists")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        double[] sp = spacing == null ? null : TripleOption.doubles("--spacing", spacing);
        int[] sz = size == null ? null : TripleOption.ints("--size", size);
        CtVolume prepared = Preprocessing.apply(VolumeFiles.read(in), sp, sz).volume();
        VolumeFiles.write(unitRange ? IntensityScaling.toUnitRange(prepared) : prepared, out, overwrite);
        PrintWriter o = spec.commandLine().getOut();
        int[] n = prepared.size();
        double[] s = prepared.spacing();
        o.printf(Locale.ROOT, "wrote %s: %d x %d x %d, %.4f x %.4f x %.4f mm, %s%n", out, n[0], n[1], n[2], s[0], s[1], s[2], prepared.orientationCode());
        o.flush();
        return 0;
    }
}
