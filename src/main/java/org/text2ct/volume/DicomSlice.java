package org.text2ct.volume;

import ij.ImagePlus;
import ij.plugin.DICOM;
import ij.process.ImageProcessor;
import ij.util.DicomTools;
import java.nio.file.Path;
import java.util.Set;

/**
 * One DICOM slice decoded by ImageJ1's {@link DICOM}: HU pixels and the LPS geometry tags.
 *
 * <p>ImageJ1 applies RescaleSlope/RescaleIntercept (and its offset for signed pixels) as the
 * image's calibration function, so calibrated pixel values are HU. It decodes uncompressed
 * transfer syntaxes only; compressed ones (RLE, JPEG, JPEG-LS, JPEG 2000, deflate) are refused
 * with their name rather than misread.
 */
record DicomSlice(Path file, int columns, int rows, float[] hu, double[] positionLps, double[] rowCosine,
        double[] columnCosine, double[] pixelSpacing, double sliceThickness) {

    private static final Set<String> UNCOMPRESSED = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2");

    /** The slice, or null when the file is not a DICOM image at all (a stray file in the folder). */
    static DicomSlice read(Path file) throws VolumeFormatException {
        String info;
        try {
            info = new DICOM().getInfo(file.toString());
        } catch (RuntimeException e) {
            throw new VolumeFormatException(file, "ImageJ's DICOM decoder failed on this file (" + e + ")", e);
        }
        String syntax = value(info, "0002,0010");
        if (syntax != null && !UNCOMPRESSED.contains(syntax)) {
            throw new VolumeFormatException(file, "transfer syntax " + syntax + " is compressed; ImageJ1 decodes only uncompressed DICOM"
                    + " (decompress first, e.g. with dcmdjpeg/gdcmconv --raw)");
        }
        if (value(info, "0028,0010") == null) {
            return null;
        }
        DICOM imp = new DICOM();
        imp.open(file.toString());
        if (imp.getWidth() == 0) {
            throw new VolumeFormatException(file, "ImageJ could not decode the pixel data");
        }
        if (imp.getStackSize() != 1) {
            throw new VolumeFormatException(file, "multi-frame DICOM (" + imp.getStackSize() + " frames) is not supported; use one file per slice");
        }
        double[] position = numbers(imp, file, "0020,0032", "ImagePositionPatient", 3);
        double[] orientation = numbers(imp, file, "0020,0037", "ImageOrientationPatient", 6);
        double[] spacing = numbers(imp, file, "0028,0030", "PixelSpacing", 2);
        double[] thickness = DicomTools.getTag(imp, "0018,0050") == null ? new double[] {0}
                : numbers(imp, file, "0018,0050", "SliceThickness", 1);
        return new DicomSlice(file, imp.getWidth(), imp.getHeight(), huPixels(imp), position,
                new double[] {orientation[0], orientation[1], orientation[2]},
                new double[] {orientation[3], orientation[4], orientation[5]}, spacing,
                thickness[0]);
    }

    private static float[] huPixels(ImagePlus imp) {
        ImageProcessor ip = imp.getProcessor();
        int w = imp.getWidth();
        float[] hu = new float[w * imp.getHeight()];
        for (int y = 0; y < imp.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                hu[x + y * w] = ip.getPixelValue(x, y);
            }
        }
        return hu;
    }

    /** A tag's value in ImageJ's header text ("gggg,eeee  Name: value"), or null. */
    private static String value(String info, String tag) {
        if (info == null) {
            return null;
        }
        for (String line : info.split("\n")) {
            if (line.startsWith(tag)) {
                int colon = line.indexOf(':');
                return colon < 0 ? "" : line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static double[] numbers(ImagePlus imp, Path file, String tag, String name, int n) throws VolumeFormatException {
        String text = DicomTools.getTag(imp, tag);
        if (text == null) {
            throw new VolumeFormatException(file, "missing " + name + " (" + tag + "); it is needed to place the slice");
        }
        String[] parts = text.strip().split("\\\\");
        if (parts.length != n) {
            throw new VolumeFormatException(file, name + " has " + parts.length + " values, expected " + n + ": '" + text.strip() + "'");
        }
        double[] out = new double[n];
        try {
            for (int i = 0; i < n; i++) {
                out[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new VolumeFormatException(file, name + " is not numeric: '" + text.strip() + "'");
        }
        return out;
    }
}
