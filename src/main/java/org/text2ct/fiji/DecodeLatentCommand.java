package org.text2ct.fiji;

import ij.ImagePlus;
import java.io.File;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** "Decode Latent" for scripts and headless runs; the menu entry is {@link DecodeLatentPlugin}. */
@Plugin(type = Command.class, label = "Decode Latent", headless = true)
public class DecodeLatentCommand extends ContextCommand {
    @Parameter(label = "Latent file (.safetensors)")
    private File latent_file;

    @Parameter(label = "Splits (auto or a number)", required = false)
    private String splits = "auto";

    @Parameter(label = "Output spacing mm X,Y,Z (blank = model default)", required = false)
    private String output_spacing = "";

    @Parameter(label = "Model package (blank = chosen in Text2CT Models)", required = false)
    private File model_dir;

    @Parameter(choices = {"auto", "cpu", "gpu"}, required = false)
    private String device = GenerateCtSettings.DEFAULT_DEVICE;

    @Parameter(choices = {"lung", "mediastinum", "bone", "brain"}, required = false)
    private String window = WindowPreset.LUNG.key();

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus image;

    @Override
    public void run() {
        try {
            image = LatentDecoding.toImage(latent_file.toPath(), splits, output_spacing,
                    model_dir == null ? "" : model_dir.getPath(), device, window, new EscapeCancel());
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            cancel(UserErrors.message(e));
        } finally {
            StatusBarProgress.done();
        }
    }
}
