package org.text2ct.volume;

import ij.io.FileInfo;
import ij.io.ImageReader;
import ij.plugin.DICOM;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * One DICOM slice: HU pixels and the LPS geometry tags, decoded with ImageJ1 — its
 * {@link DICOM#getInfo} parses the header, its {@link ImageReader} reads the pixel data.
 *
 * <p>HU = stored · RescaleSlope + RescaleIntercept is applied here, from the header, rather than
 * through {@code DICOM.open}: that path depends on user preferences (ignore or fix rescale,
 * open as float) and, for slopes other than 1, runs menu commands that fail headless. ImageJ1
 * decodes uncompressed transfer syntaxes only; compressed ones (RLE, JPEG, JPEG-LS, JPEG 2000,
 * deflate) are refused by name rather than misread.
 */
record DicomSlice(Path file, int columns, int rows, float[] hu, double[] positionLps, double[] rowCosine,
        double[] columnCosine, double[] pixelSpacing, double sliceThickness) {

    private static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
    private static final Set<String> UNCOMPRESSED = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", BIG_ENDIAN);

    /** The slice, or null when the file is not a DICOM image at all (a stray file in the folder). */
    static DicomSlice read(Path file) throws IOException {
        String info;
        try {
            info = new DICOM().getInfo(file.toString());
        } catch (RuntimeException e) {
            throw new VolumeFormatException(file, "ImageJ's DICOM decoder failed on this file (" + e + ")", e);
        }
        String syntax = value(info, "0002,0010");
        if (syntax != null && !UNCOMPRESSED.contains(syntax)) {
            throw new VolumeFormatException(file, "transfer syntax " + syntax + " is compressed; ImageJ1 decodes only uncompressed DICOM"
                    + " (decompress first, e.g. with dcmdjpeg or gdcmconv --raw)");
        }
        if (value(info, "0028,0010") == null || value(info, "7FE0,0010") == null) {
            return null;
        }
        double[] frames = numbers(info, file, "0028,0008", "NumberOfFrames", 1, 1);
        if (frames[0] > 1) {
            throw new VolumeFormatException(file, "multi-frame DICOM (" + (int) frames[0] + " frames) is not supported; use one file per slice");
        }
        int samples = (int) numbers(info, file, "0028,0002", "SamplesPerPixel", 1, 1)[0];
        if (samples != 1) {
            throw new VolumeFormatException(file, "SamplesPerPixel is " + samples + ": a colour image, not CT");
        }
        int rows = (int) numbers(info, file, "0028,0010", "Rows", 1, Double.NaN)[0];
        int columns = (int) numbers(info, file, "0028,0011", "Columns", 1, Double.NaN)[0];
        double[] orientation = numbers(info, file, "0020,0037", "ImageOrientationPatient", 6, Double.NaN);
        return new DicomSlice(file, columns, rows, hu(info, file, columns, rows, syntax),
                numbers(info, file, "0020,0032", "ImagePositionPatient", 3, Double.NaN),
                new double[] {orientation[0], orientation[1], orientation[2]},
                new double[] {orientation[3], orientation[4], orientation[5]},
                numbers(info, file, "0028,0030", "PixelSpacing", 2, Double.NaN),
                numbers(info, file, "0018,0050", "SliceThickness", 1, 0)[0]);
    }

    private static float[] hu(String info, Path file, int columns, int rows, String syntax) throws IOException {
        int bits = (int) numbers(info, file, "0028,0100", "BitsAllocated", 1, 16)[0];
        boolean signed = numbers(info, file, "0028,0103", "PixelRepresentation", 1, 0)[0] == 1;
        double slope = numbers(info, file, "0028,1053", "RescaleSlope", 1, 1)[0];
        double intercept = numbers(info, file, "0028,1052", "RescaleIntercept", 1, 0)[0];
        if (slope == 0) {
            slope = 1;
        }
        FileInfo fi = new FileInfo();
        fi.width = columns;
        fi.height = rows;
        fi.nImages = 1;
        fi.offset = (int) numbers(info, file, "7FE0,0010", "PixelData", 1, Double.NaN)[0];
        fi.intelByteOrder = !BIG_ENDIAN.equals(syntax);
        fi.fileType = switch (bits) {
            case 8 -> FileInfo.GRAY8;
            case 16 -> signed ? FileInfo.GRAY16_SIGNED : FileInfo.GRAY16_UNSIGNED;
            default -> throw new VolumeFormatException(file, "BitsAllocated " + bits + " is not supported (8 or 16)");
        };
        long needed = fi.offset + (long) columns * rows * (bits / 8);
        if (Files.size(file) < needed) {
            throw new VolumeFormatException(file, "truncated pixel data: " + needed + " bytes needed, file has " + Files.size(file));
        }
        Object pixels;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            pixels = new ImageReader(fi).readPixels(in);
        }
        if (pixels == null) {
            throw new VolumeFormatException(file, "ImageJ could not read the pixel data");
        }
        float[] out = new float[columns * rows];
        for (int i = 0; i < out.length; i++) {
            // ImageJ stores signed 16-bit pixels shifted by +32768 into its unsigned arrays.
            double stored = bits == 8 ? ((byte[]) pixels)[i] & 0xff
                    : (((short[]) pixels)[i] & 0xffff) - (signed ? 32768 : 0);
            out[i] = (float) (stored * slope + intercept);
        }
        return out;
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

    /** {@code n} backslash-separated numbers; a missing tag gives {@code fallback}, or an error when that is NaN. */
    private static double[] numbers(String info, Path file, String tag, String name, int n, double fallback) throws VolumeFormatException {
        String text = value(info, tag);
        if (text == null || text.isEmpty()) {
            if (Double.isNaN(fallback)) {
                throw new VolumeFormatException(file, "missing " + name + " (" + tag + ")");
            }
            double[] d = new double[n];
            Arrays.fill(d, fallback);
            return d;
        }
        String[] parts = text.split("\\\\");
        if (parts.length != n) {
            throw new VolumeFormatException(file, name + " has " + parts.length + " values, expected " + n + ": '" + text + "'");
        }
        double[] out = new double[n];
        try {
            for (int i = 0; i < n; i++) {
                out[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new VolumeFormatException(file, name + " is not numeric: '" + text + "'");
        }
        return out;
    }
}
