package org.text2ct.volume;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.InflaterInputStream;

/**
 * Reads MetaImage volumes: {@code .mha} (header and data in one file) and {@code .mhd} (header
 * naming a raw data file beside it), raw or zlib-compressed. MetaImage geometry is LPS, as in
 * ITK; it is converted to RAS.
 */
public final class MetaImageReader {
    private static final int BUFFER = 1 << 16;

    private MetaImageReader() {
    }

    public static CtVolume read(Path file) throws IOException {
        try (InputStream headerStream = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            MetaImageHeader h = MetaImageHeader.read(headerStream, file);
            long voxels = VolumeLimits.checkDims(file, h.size()[0], h.size()[1], h.size()[2]);
            long dataBytes = voxels * h.type().bytes();
            boolean local = h.dataFile().equalsIgnoreCase("LOCAL");
            if (!local && (h.dataFile().contains("%") || h.dataFile().startsWith("LIST"))) {
                throw new VolumeFormatException(file, "ElementDataFile '" + h.dataFile() + "' (one file per slice) is not supported");
            }
            Path dataPath = local ? file : file.resolveSibling(h.dataFile());
            if (!Files.isRegularFile(dataPath)) {
                throw new VolumeFormatException(file, "data file " + dataPath + " named by ElementDataFile does not exist");
            }
            long available = Files.size(dataPath) - (local ? h.textBytes() : 0);
            if (!h.compressed() && dataBytes > available) {
                throw new VolumeFormatException(file, String.format("DimSize and ElementType need %,d bytes but %s holds %,d", dataBytes, dataPath.getFileName(), available));
            }
            if (local) {
                return read(h, headerStream, file);
            }
            try (InputStream data = new BufferedInputStream(Files.newInputStream(dataPath), BUFFER)) {
                long skip = h.headerSize() < 0 ? available - dataBytes : h.headerSize();
                data.skipNBytes(skip);
                return read(h, data, file);
            }
        }
    }

    private static CtVolume read(MetaImageHeader h, InputStream in, Path file) throws IOException {
        InputStream data = h.compressed() ? new InflaterInputStream(in) : in;
        int nx = h.size()[0];
        int ny = h.size()[1];
        List<float[]> planes = VolumeLimits.allocatePlanes(file, nx, ny, h.size()[2]);
        RawVoxels raw = new RawVoxels(h.type(), h.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, 1, 0);
        for (int z = 0; z < planes.size(); z++) {
            raw.read(data, planes.get(z), file, z);
        }
        return CtVolume.ofPlanes(planes, nx, ny, h.spacing(), LpsRas.flip(h.offsetLps()), LpsRas.flip(h.directionLps()));
    }
}
