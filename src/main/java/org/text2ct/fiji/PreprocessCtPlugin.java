package org.text2ct.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * Plugins > Text2CT > Preprocess CT: the current image through the paper's preprocessing
 * (orient to RAS, resample, crop/pad around the body, clip to [−1000, 1000] HU), as a new image.
 */
public class PreprocessCtPlugin implements PlugIn {
    static final String COMMAND = "Preprocess CT";

    @Override
    public void run(String arg) {
        ImagePlus source = IJ.getImage();
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addStringField("output_spacing (X,Y,Z mm; blank = keep)", CtPreprocessor.DEFAULT_SPACING, 14);
        gd.addStringField("output_size (X,Y,Z voxels; blank = keep)", CtPreprocessor.DEFAULT_SIZE, 14);
        gd.addChoice("window", WindowPreset.keys(), WindowPreset.LUNG.key());
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            IJ.showStatus(COMMAND + "…");
            CtPreprocessor.apply(source, gd.getNextString(), gd.getNextString(), gd.getNextChoice()).show();
        } catch (Exception | OutOfMemoryError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }
}
