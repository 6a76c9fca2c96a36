package org.text2ct.volume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The text header of a MetaImage ({@code key = value} lines ending with {@code ElementDataFile}),
 * with the synonyms ITK's MetaIO accepts. Geometry here is in MetaImage's own LPS world.
 */
record MetaImageHeader(int[] size, VoxelType type, boolean bigEndian, boolean compressed, double[] spacing,
        double[] offsetLps, double[][] directionLps, String dataFile, long headerSize, long textBytes) {

    /** Header text is short; more than this means the file is not a MetaImage. */
    private static final int MAX_HEADER_BYTES = 1 << 16;

    /** Reads header lines up to and including ElementDataFile, leaving {@code in} at the first data byte. */
    static MetaImageHeader read(InputStream in, Path file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        int total = 0;
        while (!fields.containsKey("elementdatafile")) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.write(c);
            }
            total += line.size() + 1;
            if (total > MAX_HEADER_BYTES || (c == -1 && line.size() == 0)) {
                throw new VolumeFormatException(file, "not a MetaImage header: no ElementDataFile line");
            }
            String text = line.toString(StandardCharsets.ISO_8859_1).strip();
            int eq = text.indexOf('=');
            if (eq > 0) {
                fields.put(text.substring(0, eq).strip().toLowerCase(Locale.ROOT), text.substring(eq + 1).strip());
            } else if (!text.isEmpty()) {
                throw new VolumeFormatException(file, "not a MetaImage header line: '" + abbreviate(text) + "'");
            }
        }
        return parse(fields, file, total);
    }

    private static MetaImageHeader parse(Map<String, String> f, Path file, long textBytes) throws VolumeFormatException {
        int ndims = (int) numbers(f, file, 1, "ndims")[0];
        if (ndims != 2 && ndims != 3) {
            throw new VolumeFormatException(file, "NDims is " + ndims + "; only 2-D and 3-D images are read");
        }
        String channels = f.getOrDefault("elementnumberofchannels", "1");
        if (!channels.equals("1")) {
            throw new VolumeFormatException(file, "ElementNumberOfChannels is " + channels + "; a CT volume has 1");
        }
        double[] dims = numbers(f, file, ndims, "dimsize");
        double[] spacing = f.containsKey("elementspacing") ? numbers(f, file, ndims, "elementspacing")
                : f.containsKey("elementsize") ? numbers(f, file, ndims, "elementsize") : ones(ndims);
        double[] offset = numbers(f, file, ndims, "offset", "origin", "position");
        double[] matrix = numbers(f, file, ndims * ndims, "transformmatrix", "rotation", "orientation", "direction");
        int[] size = {1, 1, 1};
        double[] sp = {1, 1, 1};
        double[] origin = new double[3];
        double[][] dir = new double[3][3];
        dir[2][2] = 1;
        for (int a = 0; a < ndims; a++) {
            if (dims[a] < 1 || dims[a] > VolumeLimits.MAX_DIM || dims[a] != Math.rint(dims[a])) {
                throw new VolumeFormatException(file, "DimSize " + f.get("dimsize") + " is not a positive size");
            }
            if (!(spacing[a] > 0) || Double.isInfinite(spacing[a])) {
                throw new VolumeFormatException(file, "ElementSpacing " + spacing[a] + " (voxel spacing must be finite and > 0)");
            }
            size[a] = (int) dims[a];
            sp[a] = spacing[a];
            origin[a] = offset == null ? 0 : offset[a];
            for (int r = 0; r < ndims; r++) {
                // MetaImage lists each voxel axis' direction in turn: a column of the direction matrix.
                dir[r][a] = matrix == null ? (r == a ? 1 : 0) : matrix[a * ndims + r];
            }
        }
        if (matrix == null && f.containsKey("anatomicalorientation") && ndims == 3) {
            dir = fromItkCode(f.get("anatomicalorientation"), file);
        }
        String msb = f.getOrDefault("binarydatabyteordermsb", f.getOrDefault("elementbyteordermsb", "False"));
        double[] headerSize = numbers(f, file, 1, "headersize");
        return new MetaImageHeader(size, elementType(f.get("elementtype"), file), msb.equalsIgnoreCase("true"),
                f.getOrDefault("compresseddata", "False").equalsIgnoreCase("true"), sp, origin, dir,
                f.get("elementdatafile"), headerSize == null ? 0 : (long) headerSize[0], textBytes);
    }

    /** ITK names an orientation by where each axis comes from: identity in LPS is "RAI". */
    private static double[][] fromItkCode(String code, Path file) throws VolumeFormatException {
        try {
            double[][] ras = Orientation.directionOf(Orientation.opposite(code));
            return LpsRas.flip(ras);
        } catch (IllegalArgumentException e) {
            throw new VolumeFormatException(file, "AnatomicalOrientation '" + code + "' is not an orientation code");
        }
    }

    private static VoxelType elementType(String name, Path file) throws VolumeFormatException {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        return switch (n) {
            case "MET_UCHAR" -> VoxelType.UINT8;
            case "MET_CHAR" -> VoxelType.INT8;
            case "MET_SHORT" -> VoxelType.INT16;
            case "MET_USHORT" -> VoxelType.UINT16;
            case "MET_INT" -> VoxelType.INT32;
            case "MET_FLOAT" -> VoxelType.FLOAT32;
            case "MET_DOUBLE" -> VoxelType.FLOAT64;
            default -> throw new VolumeFormatException(file, "ElementType '" + name
                    + "' is not supported (use MET_UCHAR, MET_CHAR, MET_SHORT, MET_USHORT, MET_INT, MET_FLOAT or MET_DOUBLE)");
        };
    }

    static String elementTypeName(VoxelType type) {
        return switch (type) {
            case UINT8 -> "MET_UCHAR";
            case INT8 -> "MET_CHAR";
            case INT16 -> "MET_SHORT";
            case UINT16 -> "MET_USHORT";
            case INT32 -> "MET_INT";
            case FLOAT32 -> "MET_FLOAT";
            case FLOAT64 -> "MET_DOUBLE";
        };
    }

    /** The first present key's value as {@code n} numbers; null when none of the keys is present. */
    private static double[] numbers(Map<String, String> f, Path file, int n, String... keys) throws VolumeFormatException {
        for (String key : keys) {
            String value = f.get(key);
            if (value != null) {
                String[] parts = value.split("\\s+");
                if (parts.length < n) {
                    throw new VolumeFormatException(file, key + " needs " + n + " numbers, got '" + value + "'");
                }
                double[] out = new double[n];
                try {
                    for (int i = 0; i < n; i++) {
                        out[i] = Double.parseDouble(parts[i]);
                    }
                } catch (NumberFormatException e) {
                    throw new VolumeFormatException(file, key + " is not numeric: '" + value + "'");
                }
                return out;
            }
        }
        if (keys[0].equals("ndims") || keys[0].equals("dimsize")) {
            throw new VolumeFormatException(file, "MetaImage header has no " + keys[0]);
        }
        return null;
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
