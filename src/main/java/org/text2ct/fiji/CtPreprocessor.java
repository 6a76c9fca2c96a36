package org.text2ct.fiji;

import ij.ImagePlus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.Preprocessing;

/** An open CT through the paper's preprocessing, as a new image; shared by the menu entry and the SciJava command. */
final class CtPreprocessor {
    static final String DEFAULT_SPACING = "0.75,0.75,1.5";
    static final String DEFAULT_SIZE = "512,512,192";

    private CtPreprocessor() {
    }

    /** Blank spacing or size keeps the image's own. */
    static ImagePlus apply(ImagePlus source, String spacingText, String sizeText, String windowName) {
        double[] spacing = Triples.doubles(spacingText, "output_spacing", null);
        int[] size = Triples.ints(sizeText, "output_size", null);
        WindowPreset window = WindowPreset.parse(windowName);
        CtVolume prepared = Preprocessing.apply(VolumeFromImage.of(source), spacing, size).volume();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", source.getTitle());
        meta.put("spacing_mm", Arrays.toString(prepared.spacing()));
        meta.put("size", Arrays.toString(prepared.size()));
        return ImagePlusBridge.toImagePlus(prepared, meta, window, "preprocessed " + source.getTitle());
    }
}
