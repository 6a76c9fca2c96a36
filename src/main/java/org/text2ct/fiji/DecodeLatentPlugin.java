package org.text2ct.fiji;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;

/**
 * Plugins > Text2CT > Decode Latent: a latent .safetensors file through the model's VAE, as an
 * image in HU ({@link LatentDecoding}). The SciJava form is {@link DecodeLatentCommand}.
 */
public class DecodeLatentPlugin implements PlugIn {
    static final String COMMAND = "Decode Latent";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addStringField("latent_file (.safetensors)", "", 40);
        gd.addStringField("splits (auto or a number)", "auto", 6);
        gd.addStringField("output_spacing (X,Y,Z mm; blank = model default)", "", 14);
        gd.addStringField("model_dir (blank = chosen in Text2CT Models)", ModelChoice.remembered(), 40);
        gd.addChoice("device", GenerateCtSettings.DEVICES, GenerateCtSettings.DEFAULT_DEVICE);
        gd.addChoice("window", WindowPreset.keys(), WindowPreset.LUNG.key());
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            IJ.showStatus(COMMAND + ": decoding (Esc cancels)");
            LatentDecoding.toImage(Path.of(gd.getNextString().trim()), gd.getNextString(), gd.getNextString(),
                    gd.getNextString(), gd.getNextChoice(), gd.getNextChoice(), new EscapeCancel()).show();
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }
}
