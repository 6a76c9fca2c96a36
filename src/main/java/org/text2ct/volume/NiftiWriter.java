package org.text2ct.volume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link CtVolume} as a NIfTI-1 single file ({@code .nii}, or gzip for {@code .nii.gz}).
 *
 * <p>Hand-written because no maintained library on Maven Central writes NIfTI. Both qform and
 * sform carry the volume's affine, so readers that prefer either agree. Voxels are float32, or
 * int16 with {@code scl_slope}/{@code scl_inter} chosen by {@link Int16Scaling} to cover the
 * range. The file appears only when complete (see {@link SafeFileOutput}).
 */
public final class NiftiWriter {
    private static final int NIFTI_UNITS_MM = 2;
    private static final int ECODE_COMMENT = 6;

    /**
     * How to write: voxel type (FLOAT32 or INT16), xform code for qform and sform (1 scanner,
     * 2 aligned), description (up to 80 characters), optional JSON text stored as an extension.
     */
    public record Options(VoxelType type, int xformCode, String description, String jsonExtension, boolean overwrite) {
        public Options {
            if (type != VoxelType.FLOAT32 && type != VoxelType.INT16) {
                throw new IllegalArgumentException("NIfTI output is float32 or int16, not " + type);
            }
            if (xformCode != 1 && xformCode != 2) {
                throw new IllegalArgumentException("xform code must be 1 (scanner) or 2 (aligned), got " + xformCode);
            }
        }

        public static Options defaults() {
            return new Options(VoxelType.FLOAT32, 1, "Text2CT", null, false);
        }

        public Options withOverwrite(boolean yes) {
            return new Options(type, xformCode, description, jsonExtension, yes);
        }
    }

    private NiftiWriter() {
    }

    public static void write(CtVolume volume, Path file) throws IOException {
        write(volume, file, Options.defaults());
    }

    public static void write(CtVolume volume, Path file, Options options) throws IOException {
        byte[] extension = extension(options.jsonExtension());
        long voxOffset = NiftiHeader.NIFTI1_SIZE + 4 + extension.length;
        double[] scaling = options.type() == VoxelType.INT16 ? Int16Scaling.of(volume) : new double[] {1, 0};
        ByteBuffer header = header(volume, options, voxOffset, scaling);
        boolean gzip = file.getFileName().toString().toLowerCase().endsWith(".gz");
        SafeFileOutput.write(file, options.overwrite(), gzip, out -> {
            out.write(header.array());
            out.write(new byte[] {(byte) (extension.length > 0 ? 1 : 0), 0, 0, 0});
            out.write(extension);
            RawVoxels raw = new RawVoxels(options.type(), ByteOrder.LITTLE_ENDIAN, scaling[0], scaling[1]);
            for (int z = 0; z < volume.nz(); z++) {
                raw.write(out, volume.plane(z));
            }
        });
    }

    private static ByteBuffer header(CtVolume v, Options o, long voxOffset, double[] scaling) {
        ByteBuffer b = ByteBuffer.allocate(NiftiHeader.NIFTI1_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NiftiHeader.NIFTI1_SIZE);
        b.put(38, (byte) 'r');
        if (v.nx() > Short.MAX_VALUE || v.ny() > Short.MAX_VALUE || v.nz() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("NIfTI-1 holds at most 32767 voxels per axis, volume is "
                    + v.nx() + "x" + v.ny() + "x" + v.nz());
        }
        short[] dim = {3, (short) v.nx(), (short) v.ny(), (short) v.nz(), 1, 1, 1, 1};
        double[] q = NiftiGeometry.quaternion(v.direction());
        double[] spacing = v.spacing();
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, (short) NiftiHeader.datatypeCode(o.type()));
        b.putShort(72, (short) (8 * o.type().bytes()));
        float[] pixdim = {(float) q[3], (float) spacing[0], (float) spacing[1], (float) spacing[2], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, voxOffset);
        b.putFloat(112, (float) scaling[0]);
        b.putFloat(116, (float) scaling[1]);
        b.put(123, (byte) NIFTI_UNITS_MM);
        putText(b, 148, 80, o.description());
        b.putShort(252, (short) o.xformCode());
        b.putShort(254, (short) o.xformCode());
        double[] origin = v.origin();
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, (float) q[i]);
            b.putFloat(268 + 4 * i, (float) origin[i]);
        }
        double[][] affine = v.affine();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) affine[r][c]);
            }
        }
        putText(b, 344, 4, "n+1");
        return b;
    }

    /** One extension of JSON text, padded with zeros to a multiple of 16 bytes as the standard requires. */
    private static byte[] extension(String json) {
        if (json == null || json.isEmpty()) {
            return new byte[0];
        }
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int size = (8 + text.length + 15) / 16 * 16;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(size).putInt(ECODE_COMMENT).put(text);
        return b.array();
    }

    private static void putText(ByteBuffer b, int offset, int length, String text) {
        if (text == null) {
            return;
        }
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        b.put(offset, raw, 0, Math.min(raw.length, length));
    }
}
