package org.text2ct.volume;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads NIfTI-1 and NIfTI-2 single-file images ({@code .nii}, {@code .nii.gz}) into a {@link CtVolume}.
 *
 * <p>Hand-written because no maintained library on Maven Central reads NIfTI. The file streams
 * plane by plane through a buffer (gzip decoded on the fly), so files over 2 GB read in the
 * memory of the volume alone. Sizes are checked against the file and the free heap before any
 * voxel array is allocated. Stored values become HU through {@code scl_slope}/{@code scl_inter}.
 */
public final class NiftiReader {
    /** Deflate never compresses better than about 1032:1, which bounds what a .gz can hold. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int BUFFER = 1 << 16;

    private NiftiReader() {
    }

    /** The image and the header it came from (for its geometry method, datatype, description). */
    public record Result(CtVolume volume, NiftiHeader header, NiftiGeometry geometry) {
    }

    public static CtVolume read(Path file) throws IOException {
        return readWithHeader(file).volume();
    }

    public static Result readWithHeader(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = open(file)) {
            boolean gzip = in instanceof GZIPInputStream;
            NiftiHeader h = NiftiHeader.read(in, file);
            NiftiGeometry g = NiftiGeometry.of(h, file);
            long headerBytes = h.version() == 1 ? NiftiHeader.NIFTI1_SIZE : NiftiHeader.NIFTI2_SIZE;
            long dataBytes = Math.multiplyExact(h.voxelCount(), (long) h.type().bytes());
            long capacity = gzip ? fileSize * MAX_DEFLATE_RATIO : fileSize;
            if (!gzip && h.voxOffset() > fileSize) {
                throw new VolumeFormatException(file, "vox_offset " + h.voxOffset() + " is past the end of the file (" + fileSize + " bytes)");
            }
            if (h.voxOffset() > capacity - dataBytes) {
                throw new VolumeFormatException(file, String.format(
                        "header asks for %d×%d×%d %s voxels (%,d bytes from offset %,d) but the file holds %,d bytes%s",
                        h.size(1), h.size(2), h.size(3), h.type(), dataBytes, h.voxOffset(), fileSize,
                        gzip ? String.format(" (gzip: at most %,d uncompressed)", capacity) : ""));
            }
            int nx = (int) h.size(1);
            int ny = (int) h.size(2);
            List<float[]> planes = VolumeLimits.allocatePlanes(file, nx, ny, (int) h.size(3));
            skip(in, h.voxOffset() - headerBytes, file);
            RawVoxels raw = new RawVoxels(h.type(), h.order(), h.effectiveSlope(), h.effectiveInter());
            for (int z = 0; z < planes.size(); z++) {
                raw.read(in, planes.get(z), file, z);
            }
            return new Result(CtVolume.ofPlanes(planes, nx, ny, g.spacing(), g.origin(), g.direction()), h, g);
        }
    }

    /** A buffered stream of the file's bytes, gunzipped when the file starts with the gzip magic. */
    static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, BUFFER);
        }
        return in;
    }

    private static void skip(InputStream in, long n, Path file) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new VolumeFormatException(file, "vox_offset is past the end of the data", e);
        }
    }
}
