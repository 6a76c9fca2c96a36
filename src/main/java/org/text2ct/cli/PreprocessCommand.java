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
        double[] sp = spacing == null ? null : triple("--spacing", spacing);
        int[] sz = null;
        if (size != null) {
            double[] v = triple("--size", size);
            sz = new int[3];
            for (int i = 0; i < 3; i++) {
                if (v[i] != Math.rint(v[i])) {
                    throw new IllegalArgumentException("--size needs whole voxel counts, got '" + size + "'");
                }
                sz[i] = (int) v[i];
            }
        }
        CtVolume prepared = Preprocessing.apply(VolumeFiles.read(in), sp, sz).volume();
        VolumeFiles.write(unitRange ? IntensityScaling.toUnitRange(prepared) : prepared, out, overwrite);
        PrintWriter o = spec.commandLine().getOut();
        int[] n = prepared.size();
        double[] s = prepared.spacing();
        o.printf(Locale.ROOT, "wrote %s: %d x %d x %d, %.4f x %.4f x %.4f mm, %s%n", out, n[0], n[1], n[2], s[0], s[1], s[2], prepared.orientationCode());
        o.flush();
        return 0;
    }

    /** Three positive numbers separated by commas. */
    private double[] triple(String option, String text) {
        String[] parts = text.split(",");
        double[] v = new double[3];
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 3; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
                if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs three positive numbers like 1.5,1.5,2, got '" + text + "'");
        }
        return v;
    }
}
