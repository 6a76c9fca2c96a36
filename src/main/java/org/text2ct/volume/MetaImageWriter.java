package org.text2ct.volume;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes MetaImage: {@code .mha} with the data after the header, or {@code .mhd} plus a
 * {@code .raw} beside it. Geometry is written in LPS as ITK expects; voxels as MET_FLOAT, or
 * MET_SHORT when every voxel is an integer HU in the int16 range.
 */
public final class MetaImageWriter {
    private MetaImageWriter() {
    }

    public static void write(CtVolume volume, Path file, VoxelType type, boolean overwrite) throws IOException {
        if (type != VoxelType.FLOAT32 && type != VoxelType.INT16) {
            throw new IllegalArgumentException("MetaImage output is float32 or int16, not " + type);
        }
        double[] scaling = type == VoxelType.INT16 ? Int16Scaling.of(volume) : new double[] {1, 0};
        if (scaling[0] != 1 || scaling[1] != 0) {
            throw new IllegalArgumentException("MET_SHORT holds integer HU in the int16 range only; write MET_FLOAT");
        }
        String name = file.getFileName().toString();
        boolean detached = name.toLowerCase(Locale.ROOT).endsWith(".mhd");
        String rawName = detached ? name.substring(0, name.length() - 4) + ".raw" : "LOCAL";
        byte[] header = header(volume, type, rawName).getBytes(StandardCharsets.US_ASCII);
        RawVoxels raw = new RawVoxels(type, ByteOrder.LITTLE_ENDIAN, 1, 0);
        SafeFileOutput.Body voxels = out -> {
            for (int z = 0; z < volume.nz(); z++) {
                raw.write(out, volume.plane(z));
            }
        };
        if (detached) {
            SafeFileOutput.write(file.resolveSibling(rawName), overwrite, false, voxels);
            SafeFileOutput.write(file, overwrite, false, out -> out.write(header));
        } else {
            SafeFileOutput.write(file, overwrite, false, out -> {
                out.write(header);
                voxels.write(out);
            });
        }
    }

    private static String header(CtVolume v, VoxelType type, String dataFile) {
        double[][] lps = LpsRas.flip(v.direction());
        double[] origin = LpsRas.flip(v.origin());
        double[] s = v.spacing();
        StringBuilder matrix = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                matrix.append(c + r == 0 ? "" : " ").append(number(lps[r][c]));
            }
        }
        return "ObjectType = Image\n"
                + "NDims = 3\n"
                + "BinaryData = True\n"
                + "BinaryDataByteOrderMSB = False\n"
                + "CompressedData = False\n"
                + "TransformMatrix = " + matrix + "\n"
                + "Offset = " + number(origin[0]) + " " + number(origin[1]) + " " + number(origin[2]) + "\n"
                + "CenterOfRotation = 0 0 0\n"
                + "AnatomicalOrientation = " + Orientation.opposite(v.orientationCode()) + "\n"
                + "ElementSpacing = " + number(s[0]) + " " + number(s[1]) + " " + number(s[2]) + "\n"
                + "DimSize = " + v.nx() + " " + v.ny() + " " + v.nz() + "\n"
                + "ElementType = " + MetaImageHeader.elementTypeName(type) + "\n"
                + "ElementDataFile = " + dataFile + "\n";
    }

    /** Shortest text that parses back to the same double. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
