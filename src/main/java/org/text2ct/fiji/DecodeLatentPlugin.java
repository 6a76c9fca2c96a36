package org.text2ct.fiji;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.volume.CtVolume;

/** Plugins > Text2CT > Decode Latent: a latent .safetensors file through the model's VAE, as an image in HU. */
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
            Path latent = Path.of(gd.getNextString().trim());
            int splits = splits(gd.getNextString());
            String spacingText = gd.getNextString();
            ModelChoice.applyCacheFolder();
            LoadedModel.Loaded m = LoadedModel.get(ModelChoice.resolve(gd.getNextString()), gd.getNextChoice());
            WindowPreset window = WindowPreset.parse(gd.getNextChoice());
            double[] spacing = Triples.doubles(spacingText, "output_spacing", m.pkg().manifest().output().spacing());
            IJ.showStatus(COMMAND + ": decoding (Esc cancels)");
            CtVolume volume = LatentDecoding.decode(latent, splits, m.model(), m.manager(), spacing, new EscapeCancel());
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("latent", latent.toString());
            meta.put("model", m.model().id());
            meta.put("spacing_mm", Arrays.toString(spacing));
            ImagePlusBridge.toImagePlus(volume, meta, window, "decoded " + latent.getFileName()).show();
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }

    /** "auto" → 0 (chosen from free memory), else a positive split count. */
    static int splits(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("splits must be auto or a whole number ≥ 1, got '" + text + "'");
    }
}
