package org.text2ct.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.volume.CtVolume;

/**
 * The reverse of {@link ImagePlusBridge}: an ImageJ stack as a CT volume, read in the display
 * convention this plugin writes (x towards the patient's left, y posterior, slice 1 superior; mm
 * calibration, origins as ImagePlusBridge sets them). 32-bit slices are shared, not copied;
 * 8/16-bit slices are converted to HU through the image's calibration function (DICOM rescale).
 */
final class VolumeFromImage {
    private static final double[][] LPI = {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};

    private VolumeFromImage() {
    }

    static CtVolume of(ImagePlus imp) {
        if (imp.getNChannels() > 1 || imp.getNFrames() > 1) {
            throw new IllegalArgumentException(imp.getTitle() + " has channels or frames: use a single-channel CT stack "
                    + "(Image > Duplicate… one channel and time point)");
        }
        if (imp.getType() == ImagePlus.COLOR_RGB || imp.getType() == ImagePlus.COLOR_256) {
            throw new IllegalArgumentException(imp.getTitle() + " is a colour image: open the CT as 16- or 32-bit grey values in HU");
        }
        ImageStack stack = imp.getStack();
        Calibration cal = imp.getCalibration();
        List<float[]> planes = new ArrayList<>(stack.getSize());
        for (int z = 1; z <= stack.getSize(); z++) {
            if (imp.getType() == ImagePlus.GRAY32) {
                planes.add((float[]) stack.getPixels(z));
            } else {
                var ip = stack.getProcessor(z);
                ip.setCalibrationTable(cal.getCTable());
                planes.add((float[]) ip.convertToFloat().getPixels());
            }
        }
        double[] spacing = {cal.pixelWidth, cal.pixelHeight, cal.pixelDepth};
        double[] origin = {cal.xOrigin * cal.pixelWidth, cal.yOrigin * cal.pixelHeight, cal.zOrigin * cal.pixelDepth};
        return CtVolume.ofPlanes(planes, imp.getWidth(), imp.getHeight(), spacing, origin, LPI);
    }
}
