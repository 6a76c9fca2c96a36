package org.text2ct.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.pipeline.GenerationResult;
import org.text2ct.pipeline.PromptList;
import org.text2ct.pipeline.VolumeOutput;

/**
 * Plugins > Text2CT > Generate CT Batch: one volume per prompt (and seed) written to a folder as
 * NIfTI (HU, recipe in the header) or TIFF (calibrated, recipe in the Info), never replacing a
 * file; a "Text2CT batch" table lists what was written.
 */
public class GenerateBatchPlugin implements PlugIn {
    static final String COMMAND = "Generate CT Batch";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addStringField("prompts_file (blank = Results table 'prompt' column)", "", 40);
        gd.addNumericField("seed (for prompts without their own)", GenerateCtSettings.DEFAULT_SEED, 0);
        gd.addStringField("output_dir", "", 40);
        gd.addChoice("format", new String[] {"nifti", "tiff"}, "nifti");
        gd.addNumericField("num_steps (0 = model default)", 0, 0);
        gd.addNumericField("guidance_scale (0 = model default)", 0, 2);
        gd.addStringField("output_size (blank = model default)", "", 14);
        gd.addStringField("output_spacing (blank = model default)", "", 14);
        gd.addStringField("model_dir (blank = chosen in Text2CT Models)", ModelChoice.remembered(), 40);
        gd.addChoice("device", GenerateCtSettings.DEVICES, GenerateCtSettings.DEFAULT_DEVICE);
        gd.addChoice("window", WindowPreset.keys(), WindowPreset.LUNG.key());
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            List<PromptList.Entry> jobs = BatchPrompts.read(gd.getNextString(), ResultsTable.getResultsTable(),
                    (long) gd.getNextNumber());
            Path folder = Path.of(gd.getNextString().trim());
            boolean tiff = gd.getNextChoice().equals("tiff");
            int steps = (int) gd.getNextNumber();
            double guidance = gd.getNextNumber();
            String size = gd.getNextString();
            String spacing = gd.getNextString();
            String model = gd.getNextString();
            String device = gd.getNextChoice();
            String window = gd.getNextChoice();
            Files.createDirectories(folder);
            List<Path> names = VolumeOutput.batchNames(folder, jobs);
            ResultsTable written = new ResultsTable();
            CancelToken cancel = new EscapeCancel();
            for (int i = 0; i < jobs.size(); i++) {
                PromptList.Entry job = jobs.get(i);
                GenerateCtSettings s = new GenerateCtSettings(job.prompt(), job.seed(), steps, guidance, size, spacing,
                        model, device, window);
                IJ.showStatus(COMMAND + ": volume " + (i + 1) + "/" + jobs.size());
                GenerationResult result = CtGenerator.volume(s, new StatusBarProgress(COMMAND + " " + (i + 1) + "/"
                        + jobs.size()), cancel);
                Path target = UniqueNames.free(tiff ? tiffName(names.get(i)) : names.get(i));
                if (tiff) {
                    ImagePlus imp = CtGenerator.toImage(result, WindowPreset.parse(window), s);
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
            written.show("Text2CT batch");
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }

    private static Path tiffName(Path nifti) {
        String name = nifti.getFileName().toString();
        return nifti.resolveSibling(name.substring(0, name.length() - ".nii.gz".length()) + ".tif");
    }
}
