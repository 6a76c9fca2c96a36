package org.text2ct.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.pipeline.GenerationResult;
import org.text2ct.pipeline.PromptList;
import org.text2ct.pipeline.VolumeOutput;

/**
 * "Generate CT Batch", shared by the menu entry and the SciJava command: one volume per prompt
 * (and seed) written to a folder as NIfTI (HU, recipe in the header) or TIFF (calibrated, recipe
 * in the Info), never replacing a file; returns a table of what was written.
 *
 * @param settings steps, guidance, size, spacing, model, device and window for every volume; its
 *     prompt and seed are ignored (each job has its own)
 */
record BatchGeneration(List<PromptList.Entry> jobs, Path folder, boolean tiff, GenerateCtSettings settings) {
    static final String COMMAND = "Generate CT Batch";
    static final String[] FORMATS = {"nifti", "tiff"};

    ResultsTable run(CancelToken cancel) throws IOException {
        Files.createDirectories(folder);
        List<Path> names = VolumeOutput.batchNames(folder, jobs);
        ResultsTable written = new ResultsTable();
        GenerateCtSettings b = settings;
        for (int i = 0; i < jobs.size(); i++) {
            PromptList.Entry job = jobs.get(i);
            GenerateCtSettings s = new GenerateCtSettings(job.prompt(), job.seed(), b.numSteps(), b.guidanceScale(),
                    b.outputSize(), b.outputSpacing(), b.modelDir(), b.device(), b.window());
            IJ.showStatus(COMMAND + ": volume " + (i + 1) + "/" + jobs.size());
            GenerationResult result = CtGenerator.volume(s, new StatusBarProgress(COMMAND + " " + (i + 1) + "/"
                    + jobs.size()), cancel);
            Path target = UniqueNames.free(tiff ? tiffName(names.get(i)) : names.get(i));
            if (tiff) {
                ImagePlus imp = CtGenerator.toImage(result, WindowPreset.parse(s.window()), s);
                if (!IJ.saveAsTiff(imp, target.toString())) {
                    throw new IOException("could not write " + target);
                }
            } else {
                VolumeOutput.writeNifti(result, target, false);
            }
            written.incrementCounter();
            written.addValue("file", target.toString());
            written.addValue("prompt", job.prompt());
            written.addValue("seed", job.seed());
        }
        return written;
    }

    static boolean isTiff(String format) {
        if (!format.equals("nifti") && !format.equals("tiff")) {
            throw new IllegalArgumentException("format must be nifti or tiff, got '" + format + "'");
        }
        return format.equals("tiff");
    }

    private static Path tiffName(Path nifti) {
        String name = nifti.getFileName().toString();
        return nifti.resolveSibling(name.substring(0, name.length() - ".nii.gz".length()) + ".tif");
    }
}
