package org.text2ct.fiji;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * The menu entry Plugins > Text2CT > Generate CT from Text (ImageJ1 and Fiji alike, via
 * plugins.config). Its dialog labels start with the snake_case keys, so the macro recorder
 * writes {@code run("Generate CT from Text", "prompt=[...] seed=42 num_steps=30 ...")}.
 */
public class GenerateCtPlugin implements PlugIn {
    static final String COMMAND = "Generate CT from Text";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addStringField("prompt", "", 50);
        gd.addNumericField("seed", GenerateCtSettings.DEFAULT_SEED, 0);
        gd.addNumericField("num_steps (0 = model default)", 0, 0);
        gd.addNumericField("guidance_scale (0 = model default)", 0, 2);
        gd.addStringField("output_size (X,Y,Z voxels; blank = model default)", "", 14);
        gd.addStringField("output_spacing (X,Y,Z mm; blank = model default)", "", 14);
        gd.addStringField("model_dir (blank = chosen in Text2CT Models)", ModelChoice.remembered(), 40);
        gd.addChoice("device", GenerateCtSettings.DEVICES, GenerateCtSettings.DEFAULT_DEVICE);
        gd.addChoice("window", WindowPreset.keys(), WindowPreset.LUNG.key());
        gd.addCheckbox("show_orthogonal", true);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        GenerateCtSettings s = new GenerateCtSettings(gd.getNextString(), (long) gd.getNextNumber(),
                (int) gd.getNextNumber(), gd.getNextNumber(), gd.getNextString(), gd.getNextString(),
                gd.getNextString(), gd.getNextChoice(), gd.getNextChoice());
        boolean orthogonal = gd.getNextBoolean();
        try {
            ImagePlus imp = CtGenerator.generate(s, new StatusBarProgress(COMMAND), new EscapeCancel());
            imp.show();
            if (orthogonal) {
                OrthoViews.open(imp);
            }
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }
}
