package org.text2ct.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Picks the reader or writer for a path: .nii / .nii.gz, .mha / .mhd, a folder of DICOM slices,
 * or one .dcm file (a one-slice series).
 */
public final class VolumeFiles {
    private VolumeFiles() {
    }

    /** The formats, by how a path names them. */
    public enum Format { NIFTI, METAIMAGE, DICOM_SERIES, DICOM_SLICE }

    public static Format formatOf(Path path) throws VolumeFormatException {
        if (Files.isDirectory(path)) {
            return Format.DICOM_SERIES;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return Format.NIFTI;
        }
        if (name.endsWith(".mha") || name.endsWith(".mhd")) {
            return Format.METAIMAGE;
        }
        if (name.endsWith(".dcm")) {
            return Format.DICOM_SLICE;
        }
        throw new VolumeFormatException(path, "unknown volume format (use .nii, .nii.gz, .mha, .mhd, .dcm or a folder of DICOM slices)");
    }

    public static CtVolume read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new VolumeFormatException(path, "no such file or folder");
        }
        return switch (formatOf(path)) {
            case NIFTI -> NiftiReader.read(path);
            case METAIMAGE -> MetaImageReader.read(path);
            case DICOM_SERIES -> DicomSeriesReader.read(path);
            case DICOM_SLICE -> DicomSeriesReader.readFiles(path, List.of(path));
        };
    }

    /** Writes float voxels; NIfTI and MetaImage only (DICOM output is not supported). */
    public static void write(CtVolume volume, Path path, boolean overwrite) throws IOException {
        switch (formatOf(path)) {
            case NIFTI -> NiftiWriter.write(volume, path, NiftiWriter.Options.defaults().withOverwrite(overwrite));
            case METAIMAGE -> MetaImageWriter.write(volume, path, VoxelType.FLOAT32, overwrite);
            case DICOM_SERIES, DICOM_SLICE -> throw new VolumeFormatException(path, "writing DICOM is not supported; name a .nii, .nii.gz, .mha or .mhd file");
        }
    }
}
