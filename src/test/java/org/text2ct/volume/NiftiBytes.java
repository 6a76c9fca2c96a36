package org.text2ct.volume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Builds NIfTI files byte by byte, independently of {@link NiftiWriter}, so reader tests can set
 * any header field (including wrong ones).
 */
final class NiftiBytes {
    int version = 1;
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int sizeofHdr = -1;
    String magic;
    int datatype = 16;
    long[] dim = {3, 2, 3, 4, 1, 1, 1, 1};
    double[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
    double voxOffset = -1;
    double slope = 1;
    double inter = 0;
    int units = 2;
    int qformCode = 0;
    int sformCode = 0;
    double[] quatern = {0, 0, 0};
    double[] qoffset = {0, 0, 0};
    double[][] srow = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
    double[] stored = new double[0];
    int truncateBy = 0;

    /** Stored values, one per voxel, x fastest. */
    NiftiBytes values(double... v) {
        stored = v;
        return this;
    }

    Path write(Path file) throws IOException {
        byte[] bytes = build();
        if (file.toString().endsWith(".gz")) {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(bytes);
            }
            bytes = gz.toByteArray();
        }
        Files.write(file, bytes);
        return file;
    }

    byte[] build() {
        int hdr = version == 1 ? 348 : 540;
        long offset = voxOffset >= 0 ? (long) voxOffset : hdr + 4;
        int bytesPer = switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 64 -> 8;
            default -> 4;
        };
        int total = (int) Math.max(offset, hdr + 4) + stored.length * bytesPer;
        ByteBuffer b = ByteBuffer.allocate(total).order(order);
        b.putInt(0, sizeofHdr >= 0 ? sizeofHdr : hdr);
        if (version == 1) {
            header1(b, bytesPer);
        } else {
            header2(b, bytesPer);
        }
        b.position((int) Math.max(offset, hdr + 4));
        for (double v : stored) {
            switch (datatype) {
                case 2, 256 -> b.put((byte) (long) v);
                case 4, 512 -> b.putShort((short) (long) v);
                case 8 -> b.putInt((int) (long) v);
                case 64 -> b.putDouble(v);
                default -> b.putFloat((float) v);
            }
        }
        byte[] out = b.array();
        return Arrays.copyOf(out, out.length - truncateBy);
    }

    private void header1(ByteBuffer b, int bytesPer) {
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, (short) dim[i]);
            b.putFloat(76 + 4 * i, (float) pixdim[i]);
        }
        b.putShort(70, (short) datatype);
        b.putShort(72, (short) (8 * bytesPer));
        b.putFloat(108, (float) (voxOffset >= 0 ? voxOffset : 352));
        b.putFloat(112, (float) slope);
        b.putFloat(116, (float) inter);
        b.put(123, (byte) units);
        b.putShort(252, (short) qformCode);
        b.putShort(254, (short) sformCode);
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, (float) quatern[i]);
            b.putFloat(268 + 4 * i, (float) qoffset[i]);
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * i + 4 * c, (float) srow[i][c]);
            }
        }
        b.put(344, (magic != null ? magic : "n+1").getBytes(StandardCharsets.US_ASCII));
    }

    private void header2(ByteBuffer b, int bytesPer) {
        b.put(4, (magic != null ? magic : "n+2\0\r\n\032\n").getBytes(StandardCharsets.ISO_8859_1));
        b.putShort(12, (short) datatype);
        b.putShort(14, (short) (8 * bytesPer));
        for (int i = 0; i < 8; i++) {
            b.putLong(16 + 8 * i, dim[i]);
            b.putDouble(104 + 8 * i, pixdim[i]);
        }
        b.putLong(168, voxOffset >= 0 ? (long) voxOffset : 544);
        b.putDouble(176, slope);
        b.putDouble(184, inter);
        b.putInt(344, qformCode);
        b.putInt(348, sformCode);
        for (int i = 0; i < 3; i++) {
            b.putDouble(352 + 8 * i, quatern[i]);
            b.putDouble(376 + 8 * i, qoffset[i]);
            for (int c = 0; c < 4; c++) {
                b.putDouble(400 + 32 * i + 8 * c, srow[i][c]);
            }
        }
        b.putInt(500, units);
    }
}
