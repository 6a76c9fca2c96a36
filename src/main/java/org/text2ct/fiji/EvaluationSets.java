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
import org.text2ct.eval.View;
import org.text2ct.pipeline.eval.VolumeFolder;
import org.text2ct.volume.CtVolume;

/** The dialog's text fields as evaluation inputs: volume sets from folders or open images, and views. */
final class EvaluationSets {
    private EvaluationSets() {
    }

    /** Every volume in a folder, read by the evaluation engine's rules. */
    static List<CtVolume> folder(String dir, String field) throws IOException {
        Path path = Path.of(dir.trim());
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(field + " " + path + " is not a folder of .nii/.nii.gz/.mha volumes");
        }
        return VolumeFolder.read(path);
    }

    /** All open stacks (more than one slice), read in this plugin's display convention. */
    static List<CtVolume> openImages() {
        List<CtVolume> volumes = new ArrayList<>();
        int[] ids = WindowManager.getIDList();
        for (int id : ids == null ? new int[0] : ids) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp != null && imp.getStackSize() > 1) {
                volumes.add(VolumeFromImage.of(imp));
            }
        }
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException("no open stacks to evaluate: open generated volumes or give generated_dir");
        }
        return volumes;
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
