package org.text2ct.pipeline.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.VolumeFiles;
import org.text2ct.volume.VolumeFormatException;

/** The volumes in a folder, in file-name order: volume files by extension and sub-folders of DICOM slices. */
public final class VolumeFolder {
    private VolumeFolder() {
    }

    /** Every entry {@link VolumeFiles} can read; other files (e.g. a .mhd's .raw) are skipped. */
    public static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder");
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (!p.getFileName().toString().startsWith(".") && readable(p)) {
                    out.add(p);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(dir + " holds no volume (.nii, .nii.gz, .mha, .mhd, .dcm or DICOM folders)");
        }
        return out;
    }

    public static List<CtVolume> read(Path dir) throws IOException {
        List<CtVolume> volumes = new ArrayList<>();
        for (Path p : entries(dir)) {
            volumes.add(VolumeFiles.read(p));
        }
        return volumes;
    }

    private static boolean readable(Path p) {
        try {
            VolumeFiles.formatOf(p);
            return true;
        } catch (VolumeFormatException e) {
            return false;
        }
    }
}
