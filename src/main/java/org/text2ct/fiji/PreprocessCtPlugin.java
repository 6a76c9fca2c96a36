package org.text2ct.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.Preprocessing;

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
        gd.addStringField("output_spacing (X,Y,Z mm; blank = keep)", "0.75,0.75,1.5", 14);
        gd.addStringField("output_size (X,Y,Z voxels; blank = keep)", "512,512,192", 14);
        gd.addChoice("window", WindowPreset.keys(), WindowPreset.LUNG.key());
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            double[] spacing = Triples.doubles(gd.getNextString(), "output_spacing", null);
            int[] size = Triples.ints(gd.getNextString(), "output_size", null);
            WindowPreset window = WindowPreset.parse(gd.getNextChoice());
            IJ.showStatus(COMMAND + "…");
            CtVolume prepared = Preprocessing.apply(VolumeFromImage.of(source), spacing, size).volume();
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("source", source.getTitle());
            meta.put("spacing_mm", Arrays.toString(prepared.spacing()));
            meta.put("size", Arrays.toString(prepared.size()));
            ImagePlusBridge.toImagePlus(prepared, meta, window, "preprocessed " + source.getTitle()).show();
        } catch (Exception | OutOfMemoryError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }
}
