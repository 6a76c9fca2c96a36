package org.text2ct.pipeline;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.text2ct.volume.NiftiWriter;
import org.text2ct.volume.VoxelType;

/** Where generated volumes go: batch file names, the never-overwrite check, and NIfTI with its metadata. */
public final class VolumeOutput {
    private VolumeOutput() {
    }

    /** {@code 001_left-lower-lobe-nodule_seed42.nii.gz} … inside {@code folder}. */
    public static List<Path> batchNames(Path folder, List<PromptList.Entry> jobs) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String slug = jobs.get(i).prompt().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
            out.add(folder.resolve(String.format(Locale.ROOT, "%03d_%s_seed%d.nii.gz", i + 1, slug, jobs.get(i).seed())));
        }
        return out;
    }

    /** Fails before any work when an output exists and may not be replaced. */
    public static void checkWritable(List<Path> targets, boolean overwrite) throws IOException {
        for (Path t : targets) {
            if (!overwrite && Files.exists(t)) {
                throw new FileAlreadyExistsException(t.toString(), null, "already exists; pass --overwrite to replace it");
            }
        }
    }

    /** Float32 NIfTI in HU; a short summary in the header's description, all metadata as a JSON extension. */
    public static void writeNifti(GenerationResult r, Path target, boolean overwrite) throws IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        var m = r.metadata();
        String description = "Text2CT seed=" + m.get("seed") + " steps=" + m.get("steps") + " g=" + m.get("guidance_scale")
                + " " + m.get("model");
        String json = new GsonBuilder().disableHtmlEscaping().create().toJson(m);
        NiftiWriter.write(r.volume(), target, new NiftiWriter.Options(VoxelType.FLOAT32, 1,
                description.length() > 79 ? description.substring(0, 79) : description, json, overwrite));
    }
}
