package org.text2ct.volume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes single-slice CT DICOM files with the fewest tags a reader needs (explicit VR little
 * endian, signed 16-bit, with rescale slope and intercept), so tests can build series with known geometry.
 */
final class MinimalDicom {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private MinimalDicom() {
    }

    /**
     * Writes slice {@code z} of {@code volume} (HU, integers) as {@code dir/name} with rescale
     * slope 1 and intercept −1024, and ImagePositionPatient/ImageOrientationPatient derived from
     * the volume's RAS geometry.
     */
    static Path writeSlice(CtVolume volume, int z, Path dir, String name) throws IOException {
        return writeSlice(volume, z, dir, name, 1, -1024);
    }

    /** As {@link #writeSlice(CtVolume, int, Path, String)}, stored = (HU − intercept) / slope rounded. */
    static Path writeSlice(CtVolume volume, int z, Path dir, String name, double slope, double intercept) throws IOException {
        double[][] lps = LpsRas.flip(volume.direction());
        double[] position = LpsRas.flip(volume.toWorld(0, 0, z));
        double[] s = volume.spacing();
        MinimalDicom d = new MinimalDicom();
        d.text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1");
        byte[] meta = d.out.toByteArray();
        d.out.reset();
        d.text(0x0008, 0x0060, "CS", "CT");
        d.text(0x0018, 0x0050, "DS", num(s[2]));
        d.text(0x0020, 0x0032, "DS", num(position[0]) + "\\" + num(position[1]) + "\\" + num(position[2]));
        d.text(0x0020, 0x0037, "DS", num(lps[0][0]) + "\\" + num(lps[1][0]) + "\\" + num(lps[2][0]) + "\\"
                + num(lps[0][1]) + "\\" + num(lps[1][1]) + "\\" + num(lps[2][1]));
        d.us(0x0028, 0x0002, 1);
        d.text(0x0028, 0x0004, "CS", "MONOCHROME2");
        d.us(0x0028, 0x0010, volume.ny());
        d.us(0x0028, 0x0011, volume.nx());
        d.text(0x0028, 0x0030, "DS", num(s[1]) + "\\" + num(s[0]));
        d.us(0x0028, 0x0100, 16);
        d.us(0x0028, 0x0101, 16);
        d.us(0x0028, 0x0102, 15);
        d.us(0x0028, 0x0103, 1);
        d.text(0x0028, 0x1052, "DS", num(intercept));
        d.text(0x0028, 0x1053, "DS", num(slope));
        ByteBuffer px = ByteBuffer.allocate(volume.nx() * volume.ny() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : volume.plane(z)) {
            px.putShort((short) Math.round((v - intercept) / slope));
        }
        d.element(0x7FE0, 0x0010, "OW", px.array());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[128]);
        file.write("DICM".getBytes(StandardCharsets.US_ASCII));
        MinimalDicom group = new MinimalDicom();
        group.ul(0x0002, 0x0000, meta.length);
        file.write(group.out.toByteArray());
        file.write(meta);
        file.write(d.out.toByteArray());
        return Files.write(dir.resolve(name), file.toByteArray());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private void text(int group, int elem, String vr, String value) throws IOException {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if (b.length % 2 == 1) {
            b = (value + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.US_ASCII);
        }
        element(group, elem, vr, b);
    }

    private void us(int group, int elem, int value) throws IOException {
        element(group, elem, "US", ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
    }

    private void ul(int group, int elem, int value) throws IOException {
        element(group, elem, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    private void element(int group, int elem, String vr, byte[] value) throws IOException {
        boolean longForm = vr.equals("OW") || vr.equals("OB");
        ByteBuffer h = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) group).putShort((short) elem).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) {
            h.putShort((short) 0).putInt(value.length);
        } else {
            h.putShort((short) value.length);
        }
        out.write(h.array());
        out.write(value);
    }
}
