package org.text2ct.fiji;

import ij.ImagePlus;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** "Preprocess CT" for scripts and headless runs; the menu entry is {@link PreprocessCtPlugin}. */
@Plugin(type = Command.class, label = "Preprocess CT", headless = true)
public class PreprocessCtCommand extends ContextCommand {
    @Parameter
    private ImagePlus image;

    @Parameter(label = "Output spacing mm X,Y,Z (blank = keep)", required = false)
    private String output_spacing = CtPreprocessor.DEFAULT_SPACING;

    @Parameter(label = "Output size X,Y,Z (blank = keep)", required = false)
    private String output_size = CtPreprocessor.DEFAULT_SIZE;

    @Parameter(choices = {"lung", "mediastinum", "bone", "brain"}, required = false)
    private String window = WindowPreset.LUNG.key();

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus preprocessed;

    @Override
    public void run() {
        try {
            preprocessed = CtPreprocessor.apply(image, output_spacing, output_size, window);
        } catch (RuntimeException | OutOfMemoryError e) {
            cancel(UserErrors.message(e));
        }
    }
}
