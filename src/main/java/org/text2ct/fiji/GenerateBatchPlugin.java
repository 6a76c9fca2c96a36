package org.text2ct.fiji;

import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import java.util.List;
import org.text2ct.pipeline.PromptList;

/**
 * Plugins > Text2CT > Generate CT Batch ({@link BatchGeneration}); a "Text2CT batch" table lists
 * what was written. The SciJava form is {@link GenerateBatchCommand}.
 */
public class GenerateBatchPlugin implements PlugIn {
    static final String COMMAND = BatchGeneration.COMMAND;

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addStringField("prompts_file (blank = Results table 'prompt' column)", "", 40);
        gd.addNumericField("seed (for prompts without their own)", GenerateCtSettings.DEFAULT_SEED, 0);
        gd.addStringField("output_dir", "", 40);
        gd.addChoice("format", BatchGeneration.FORMATS, "nifti");
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
            boolean tiff = BatchGeneration.isTiff(gd.getNextChoice());
            GenerateCtSettings s = new GenerateCtSettings("", 0, (int) gd.getNextNumber(), gd.getNextNumber(),
                    gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextChoice(), gd.getNextChoice());
            new BatchGeneration(jobs, folder, tiff, s).run(new EscapeCancel()).show("Text2CT batch");
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }
}
