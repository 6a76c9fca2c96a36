package org.text2ct.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.text2ct.eval.View;
import org.text2ct.pipeline.eval.VolumeSource;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.VolumeFiles;

/** The dialog's text fields as evaluation inputs: volume sets from folders or open images, and views. */
final class EvaluationSets {
    private EvaluationSets() {
    }

    /** Every readable volume file in a folder (NIfTI, MetaImage), sorted by name. */
    static List<VolumeSource> folder(String dir, String field) throws IOException {
        Path path = Path.of(dir.trim());
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(field + " " + path + " is not a folder of .nii/.nii.gz/.mha volumes");
        }
        List<VolumeSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(path)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f) && isVolume(f)) {
                    sources.add(VolumeSource.of(f));
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(field + " " + path + " holds no .nii, .nii.gz, .mha or .mhd volume");
        }
        return sources;
    }

    private static boolean isVolume(Path f) {
        try {
            VolumeFiles.Format format = VolumeFiles.formatOf(f);
            return format == VolumeFiles.Format.NIFTI || format == VolumeFiles.Format.METAIMAGE;
        } catch (IOException e) {
            return false;
        }
    }

    /** All open stacks (more than one slice), read in this plugin's display convention. */
    static List<VolumeSource> openImages() {
        List<VolumeSource> sources = new ArrayList<>();
        int[] ids = WindowManager.getIDList();
        for (int id : ids == null ? new int[0] : ids) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp != null && imp.getStackSize() > 1) {
                sources.add(new VolumeSource() {
                    @Override
                    public String name() {
                        return imp.getTitle();
                    }

                    @Override
                    public CtVolume load() {
                        return VolumeFromImage.of(imp);
                    }
                });
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no open stacks to evaluate: open generated volumes or give generated_dir");
        }
        return sources;
    }

    static Set<View> views(String text) {
        Set<View> views = EnumSet.noneOf(View.class);
        for (String v : text.split("[,\\s]+")) {
            if (!v.isBlank()) {
                try {
                    views.add(View.valueOf(v.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown view '" + v + "': use axial, sagittal and/or coronal");
                }
            }
        }
        return views;
    }
}
