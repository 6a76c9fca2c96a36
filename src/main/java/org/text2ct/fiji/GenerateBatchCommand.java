package org.text2ct.fiji;

import ij.measure.ResultsTable;
import java.io.File;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * "Generate CT Batch" for scripts and headless runs; the menu entry is {@link GenerateBatchPlugin}.
 * A blank prompts_file reads the Results table's "prompt" (and "seed") columns.
 */
@Plugin(type = Command.class, label = "Generate CT Batch", headless = true)
public class GenerateBatchCommand extends ContextCommand {
    @Parameter(label = "Prompts file (blank = Results table 'prompt' column)", required = false)
    private File prompts_file;

    @Parameter(label = "Seed for prompts without their own", required = false)
    private long seed = GenerateCtSettings.DEFAULT_SEED;

    @Parameter(label = "Output folder", style = "directory")
    private File output_dir;

    @Parameter(choices = {"nifti", "tiff"}, required = false)
    private String format = "nifti";

    @Parameter(label = "Steps (0 = model default)", required = false, min = "0")
    private int num_steps;

    @Parameter(label = "Guidance scale (0 = model default)", required = false, min = "0")
    private double guidance_scale;

    @Parameter(label = "Output size X,Y,Z (blank = model default)", required = false)
    private String output_size = "";

    @Parameter(label = "Output spacing mm X,Y,Z (blank = model default)", required = false)
    private String output_spacing = "";

    @Parameter(label = "Model package (blank = chosen in Text2CT Models)", required = false)
    private File model_dir;

    @Parameter(choices = {"auto", "cpu", "gpu"}, required = false)
    private String device = GenerateCtSettings.DEFAULT_DEVICE;

    @Parameter(choices = {"lung", "mediastinum", "bone", "brain"}, required = false)
    private String window = WindowPreset.LUNG.key();

    /** One row per volume written: file, prompt, seed. */
    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable written;

    @Override
    public void run() {
        try {
            GenerateCtSettings s = new GenerateCtSettings("", 0, num_steps, guidance_scale, output_size, output_spacing,
                    model_dir == null ? "" : model_dir.getPath(), device, window);
            written = new BatchGeneration(BatchPrompts.read(prompts_file == null ? "" : prompts_file.getPath(),
                    ResultsTable.getResultsTable(), seed), output_dir.toPath(), BatchGeneration.isTiff(format), s)
                    .run(new EscapeCancel());
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            cancel(UserErrors.message(e));
        } finally {
            StatusBarProgress.done();
        }
    }
}
