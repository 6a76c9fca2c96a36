package org.text2ct.volume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header that locate and place the voxels, parsed and checked.
 *
 * <p>Byte order comes from {@code sizeof_hdr} (348 for NIfTI-1, 540 for NIfTI-2), as the standard
 * says. Only single-file images ({@code n+1} / {@code n+2}) are read.
 */
public record NiftiHeader(int version, ByteOrder order, long[] dim, VoxelType type, double[] pixdim,
        long voxOffset, double sclSlope, double sclInter, int xyztUnits, String descrip,
        int qformCode, int sformCode, double[] quatern, double[] qoffset, double[][] srow) {

    static final int NIFTI1_SIZE = 348;
    static final int NIFTI2_SIZE = 540;

    /** Reads and checks the header at the start of {@code in}, leaving the stream just after it. */
    static NiftiHeader read(InputStream in, Path file) throws IOException {
        byte[] first = in.readNBytes(4);
        if (first.length < 4) {
            throw new VolumeFormatException(file, "too short for a NIfTI header");
        }
        ByteOrder order = null;
        int size = 0;
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int s = ByteBuffer.wrap(first).order(o).getInt();
            if (s == NIFTI1_SIZE || s == NIFTI2_SIZE) {
                order = o;
                size = s;
            }
        }
        if (order == null) {
            throw new VolumeFormatException(file, "not a NIfTI file: sizeof_hdr is "
                    + ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getInt() + ", expected 348 or 540");
        }
        byte[] bytes = new byte[size];
        System.arraycopy(first, 0, bytes, 0, 4);
        if (in.readNBytes(bytes, 4, size - 4) < size - 4) {
            throw new VolumeFormatException(file, "truncated NIfTI header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        NiftiHeader h = size == NIFTI1_SIZE ? nifti1(b, file) : nifti2(b, file);
        h.check(file);
        return h;
    }

    private static NiftiHeader nifti1(ByteBuffer b, Path file) throws VolumeFormatException {
        String magic = text(b, 344, 4);
        if (!magic.equals("n+1")) {
            throw new VolumeFormatException(file, magic.equals("ni1")
                    ? "two-file NIfTI (.hdr/.img) is not supported; convert it to a single .nii"
                    : "bad NIfTI-1 magic '" + magic + "', expected 'n+1'");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
            }
        }
        double voxOffset = b.getFloat(108);
        if (!(voxOffset >= NIFTI1_SIZE + 4) || voxOffset > Long.MAX_VALUE) {
            throw new VolumeFormatException(file, "vox_offset " + voxOffset + " is before the end of the header (352)");
        }
        return new NiftiHeader(1, b.order(), dim, voxelType(b.getShort(70), file), pixdim, (long) voxOffset,
                b.getFloat(112), b.getFloat(116), b.get(123) & 0xff, text(b, 148, 80),
                b.getShort(252), b.getShort(254),
                new double[] {b.getFloat(256), b.getFloat(260), b.getFloat(264)},
                new double[] {b.getFloat(268), b.getFloat(272), b.getFloat(276)}, srow);
    }

    private static NiftiHeader nifti2(ByteBuffer b, Path file) throws VolumeFormatException {
        String magic = text(b, 4, 3);
        if (!magic.equals("n+2")) {
            throw new VolumeFormatException(file, magic.equals("ni2")
                    ? "two-file NIfTI-2 (.hdr/.img) is not supported; convert it to a single .nii"
                    : "bad NIfTI-2 magic '" + magic + "', expected 'n+2'");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
            }
        }
        long voxOffset = b.getLong(168);
        if (voxOffset < NIFTI2_SIZE + 4) {
            throw new VolumeFormatException(file, "vox_offset " + voxOffset + " is before the end of the header (544)");
        }
        return new NiftiHeader(2, b.order(), dim, voxelType(b.getShort(12), file), pixdim, voxOffset,
                b.getDouble(176), b.getDouble(184), b.getInt(500), text(b, 240, 80),
                b.getInt(344), b.getInt(348),
                new double[] {b.getDouble(352), b.getDouble(360), b.getDouble(368)},
                new double[] {b.getDouble(376), b.getDouble(384), b.getDouble(392)}, srow);
    }

    private void check(Path file) throws VolumeFormatException {
        if (dim[0] < 1 || dim[0] > 7) {
            throw new VolumeFormatException(file, "dim[0] is " + dim[0] + " (must be 1..7)");
        }
        for (int i = 1; i <= dim[0]; i++) {
            if (dim[i] < 1) {
                throw new VolumeFormatException(file, "dim[" + i + "] is " + dim[i] + " (must be > 0)");
            }
            if (i > 3 && dim[i] > 1) {
                throw new VolumeFormatException(file, "a " + dim[0] + "-D image (dim[" + i + "] = " + dim[i] + ") is not a single CT volume");
            }
        }
        VolumeLimits.checkDims(file, size(1), size(2), size(3));
        for (int i = 1; i <= 3; i++) {
            double s = spacing(i);
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new VolumeFormatException(file, "pixdim[" + i + "] is " + pixdim[i] + " (voxel spacing must be finite and > 0)");
            }
        }
    }

    /** Size along axis 1..3; axes beyond dim[0] have size 1. */
    long size(int axis) {
        return axis <= dim[0] ? dim[axis] : 1;
    }

    /** pixdim along axis 1..3 in file units; axes beyond dim[0] count as 1. */
    double spacing(int axis) {
        return axis <= dim[0] ? pixdim[axis] : 1;
    }

    long voxelCount() {
        return size(1) * size(2) * size(3);
    }

    /** mm per file unit of {@code xyzt_units}: metres, millimetres, micrometres; unknown counts as mm. */
    double mmPerUnit() {
        return switch (xyztUnits & 0x07) {
            case 1 -> 1000.0;
            case 3 -> 0.001;
            default -> 1.0;
        };
    }

    /** Slope 0 means "no scaling", as the standard says; so does a non-finite slope. */
    double effectiveSlope() {
        return sclSlope == 0 || !Double.isFinite(sclSlope) ? 1 : sclSlope;
    }

    double effectiveInter() {
        return sclSlope == 0 || !Double.isFinite(sclSlope) || !Double.isFinite(sclInter) ? 0 : sclInter;
    }

    static VoxelType voxelType(int code, Path file) throws VolumeFormatException {
        return switch (code) {
            case 2 -> VoxelType.UINT8;
            case 4 -> VoxelType.INT16;
            case 8 -> VoxelType.INT32;
            case 16 -> VoxelType.FLOAT32;
            case 64 -> VoxelType.FLOAT64;
            case 256 -> VoxelType.INT8;
            case 512 -> VoxelType.UINT16;
            default -> throw new VolumeFormatException(file, "NIfTI datatype " + code
                    + " is not supported (use uint8, int8, int16, uint16, int32, float32 or float64)");
        };
    }

    static int datatypeCode(VoxelType type) {
        return switch (type) {
            case UINT8 -> 2;
            case INT16 -> 4;
            case INT32 -> 8;
            case FLOAT32 -> 16;
            case FLOAT64 -> 64;
            case INT8 -> 256;
            case UINT16 -> 512;
        };
    }

    private static String text(ByteBuffer b, int offset, int length) {
        byte[] raw = new byte[length];
        b.get(offset, raw);
        int end = 0;
        while (end < length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }
}
