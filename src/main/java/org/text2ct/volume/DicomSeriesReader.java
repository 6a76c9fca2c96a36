package org.text2ct.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of single-frame DICOM slices (one series) into a {@link CtVolume}.
 *
 * <p>Slices are sorted by ImagePositionPatient projected on the slice normal (row × column
 * cosine), never by file name or InstanceNumber; the slice spacing is the distance between
 * those projections, so gaps and overlaps that SliceThickness does not show are honoured.
 * DICOM's LPS geometry becomes RAS by negating x and y.
 */
public final class DicomSeriesReader {
    /**
     * Largest relative difference between a slice gap and the mean gap still read as one evenly
     * spaced volume: positions are stored with few decimals, so real series jitter by about 1%.
     */
    private static final double GAP_TOLERANCE = 0.05;

    private DicomSeriesReader() {
    }

    /** Every DICOM image file in the folder (other files are ignored) as one volume. */
    public static CtVolume read(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return readFiles(folder, files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList());
        }
    }

    /** The given slice files as one volume; {@code folder} names the series in error messages. */
    public static CtVolume readFiles(Path folder, List<Path> files) throws IOException {
        List<DicomSlice> slices = new ArrayList<>();
        for (Path f : files) {
            DicomSlice s = DicomSlice.read(f);
            if (s != null) {
                slices.add(s);
            }
        }
        if (slices.isEmpty()) {
            throw new VolumeFormatException(folder, "no DICOM slices in this folder");
        }
        DicomSlice first = slices.get(0);
        double[] normal = cross(first.rowCosine(), first.columnCosine());
        for (DicomSlice s : slices) {
            checkSameGrid(first, s, folder);
        }
        slices.sort(Comparator.comparingDouble(s -> dot(s.positionLps(), normal)));
        double sliceSpacing = sliceSpacing(slices, normal, folder);
        double[][] lps = new double[3][3];
        for (int r = 0; r < 3; r++) {
            lps[r][0] = first.rowCosine()[r];
            lps[r][1] = first.columnCosine()[r];
            lps[r][2] = normal[r];
        }
        // PixelSpacing is (between rows, between columns) = (y, x).
        double[] spacing = {first.pixelSpacing()[1], first.pixelSpacing()[0], sliceSpacing};
        List<float[]> planes = slices.stream().map(DicomSlice::hu).toList();
        return CtVolume.ofPlanes(planes, first.columns(), first.rows(), spacing,
                LpsRas.flip(slices.get(0).positionLps()), LpsRas.flip(lps));
    }

    private static void checkSameGrid(DicomSlice a, DicomSlice b, Path folder) throws VolumeFormatException {
        if (a.columns() != b.columns() || a.rows() != b.rows()) {
            throw new VolumeFormatException(folder, b.file().getFileName() + " is " + b.columns() + "x" + b.rows()
                    + " but " + a.file().getFileName() + " is " + a.columns() + "x" + a.rows() + ": more than one series in the folder?");
        }
        for (int i = 0; i < 3; i++) {
            if (Math.abs(a.rowCosine()[i] - b.rowCosine()[i]) > 1e-4 || Math.abs(a.columnCosine()[i] - b.columnCosine()[i]) > 1e-4
                    || Math.abs(a.pixelSpacing()[i % 2] - b.pixelSpacing()[i % 2]) > 1e-6) {
                throw new VolumeFormatException(folder, b.file().getFileName() + " has another ImageOrientationPatient or PixelSpacing than "
                        + a.file().getFileName() + ": more than one series in the folder?");
            }
        }
    }

    /** The mean gap between sorted slice positions; uneven or repeated positions are errors. */
    private static double sliceSpacing(List<DicomSlice> sorted, double[] normal, Path folder) throws VolumeFormatException {
        if (sorted.size() == 1) {
            double t = sorted.get(0).sliceThickness();
            return t > 0 ? t : 1;
        }
        double total = dot(sorted.get(sorted.size() - 1).positionLps(), normal) - dot(sorted.get(0).positionLps(), normal);
        double mean = total / (sorted.size() - 1);
        for (int i = 1; i < sorted.size(); i++) {
            double gap = dot(sorted.get(i).positionLps(), normal) - dot(sorted.get(i - 1).positionLps(), normal);
            if (gap < 1e-6 * Math.max(1, mean)) {
                throw new VolumeFormatException(folder, sorted.get(i - 1).file().getFileName() + " and " + sorted.get(i).file().getFileName()
                        + " lie at the same position: more than one series in the folder?");
            }
            if (Math.abs(gap - mean) > GAP_TOLERANCE * mean) {
                throw new VolumeFormatException(folder, String.format("slices are unevenly spaced (%.4f mm between %s and %s, mean %.4f mm)",
                        gap, sorted.get(i - 1).file().getFileName(), sorted.get(i).file().getFileName(), mean));
            }
        }
        return mean;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
