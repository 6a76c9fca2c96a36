package org.text2ct.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import java.util.Map;
import org.text2ct.volume.CtVolume;

/**
 * A CT volume as the 32-bit ImageJ stack users see: the stack's slices are the volume's own
 * {@code float[]} planes (no copy), shown radiologically (see {@link DisplayOrientation}), with
 * the calibration in mm, the window preset as display range, and what reproduces the volume in
 * the image's properties and Info.
 */
public final class ImagePlusBridge {
    private ImagePlusBridge() {
    }

    /** The image; a RAS volume's planes are reordered in place and then shared with the stack. */
    public static ImagePlus toImagePlus(CtVolume volume, Map<String, String> metadata, WindowPreset window, String title) {
        CtVolume display = DisplayOrientation.toDisplay(volume);
        ImageStack stack = new ImageStack(display.nx(), display.ny());
        for (int z = 0; z < display.nz(); z++) {
            stack.addSlice(null, display.plane(z));
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setCalibration(calibration(display));
        imp.setDisplayRange(window.min(), window.max());
        StringBuilder info = new StringBuilder();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            imp.setProp(e.getKey(), e.getValue());
            info.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        imp.setProp("window", window.key());
        info.append("window: ").append(window.key()).append('\n');
        info.append("calibrated axes: mm towards the patient's left (x), posterior (y) and inferior (z)\n");
        imp.setProperty("Info", info.toString());
        return imp;
    }

    /**
     * Spacing in mm; ImageJ's origins are in pixels, chosen so that calibrated coordinates are
     * world millimetres along the display axes (left, posterior, inferior = minus R, A, S).
     */
    static Calibration calibration(CtVolume display) {
        double[] s = display.spacing();
        double[] o = display.origin();
        Calibration cal = new Calibration();
        cal.setUnit("mm");
        cal.pixelWidth = s[0];
        cal.pixelHeight = s[1];
        cal.pixelDepth = s[2];
        cal.xOrigin = o[0] / s[0];
        cal.yOrigin = o[1] / s[1];
        cal.zOrigin = o[2] / s[2];
        return cal;
    }

    /** A window title from the prompt: short enough for a title bar, seed kept for telling runs apart. */
    public static String title(String prompt, long seed) {
        String p = prompt.strip().replaceAll("\\s+", " ");
        return (p.length() > 60 ? p.substring(0, 57) + "..." : p) + " (seed " + seed + ")";
    }
}
