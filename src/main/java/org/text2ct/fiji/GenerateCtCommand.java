package org.text2ct.fiji;

import ij.ImagePlus;
import java.awt.GraphicsEnvironment;
import java.io.File;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * "Generate CT from Text" for scripts and headless runs ({@code CommandService}); the menu entry
 * is {@link GenerateCtPlugin}, which asks for the same keys. A failure cancels the command with
 * the user-facing reason ({@code getCancelReason()}).
 */
@Plugin(type = Command.class, label = "Generate CT from Text", headless = true)
public class GenerateCtCommand extends ContextCommand {
    @Parameter(label = "Findings to synthesise")
    private String prompt;

    @Parameter(required = false)
    private long seed = GenerateCtSettings.DEFAULT_SEED;

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

    @Parameter(label = "Open orthogonal views (ignored headless)", required = false)
    private boolean show_orthogonal;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus image;

    @Override
    public void run() {
        GenerateCtSettings s = new GenerateCtSettings(prompt, seed, num_steps, guidance_scale, output_size,
                output_spacing, model_dir == null ? "" : model_dir.getPath(), device, window);
        try {
            image = CtGenerator.generate(s, new StatusBarProgress("Generate CT from Text"), new EscapeCancel());
            if (show_orthogonal && !GraphicsEnvironment.isHeadless()) {
                image.show();
                OrthoViews.open(image);
            }
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            cancel(UserErrors.message(e));
        } finally {
            StatusBarProgress.done();
        }
    }
}
