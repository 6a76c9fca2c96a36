package org.text2ct.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The zip archive {@code torch.save} writes: {@code <name>/data.pkl}, one {@code <name>/data/<key>}
 * entry per storage, and optionally {@code <name>/byteorder}. Storages are stored uncompressed, so
 * each is memory-mapped straight from the file instead of being read into the heap.
 */
final class PtArchive implements AutoCloseable, TorchRebuilder.StorageSource {
    /** data.pkl holds only structure (tensor data lives in storages); even huge checkpoints stay far below this. */
    static final int MAX_PICKLE_BYTES = 64 << 20;
    private static final int ZIP_LOCAL_HEADER_BYTES = 30;
    private static final int ZIP_LOCAL_HEADER_SIGNATURE = 0x04034b50;

    private final Path file;
    private final FileChannel channel;
    private final ZipFile zip;
    private final String prefix;

    private PtArchive(Path file, FileChannel channel, ZipFile zip, String prefix) {
        this.file = file;
        this.channel = channel;
        this.zip = zip;
        this.prefix = prefix;
    }

    static PtArchive open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            checkMagic(file, channel);
            ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).get();
            return new PtArchive(file, channel, zip, findPrefix(file, zip));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void checkMagic(Path file, FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        channel.read(head, 0);
        byte[] b = head.array();
        if (head.position() >= 2 && b[0] == (byte) 0x80 && b[1] >= 2) {
            throw new WeightFileException(file, "this is the legacy (before PyTorch 1.6) format, which is not supported;"
                    + " load it in Python and save it again with torch.save");
        }
        if (head.position() < 4 || b[0] != 'P' || b[1] != 'K') {
            throw new WeightFileException(file, "not a PyTorch .pt file (a .pt file is a zip archive)");
        }
    }

    /** The archive's top folder: the one entry {@code <prefix>data.pkl} names it. */
    private static String findPrefix(Path file, ZipFile zip) throws WeightFileException {
        List<String> found = new ArrayList<>();
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            String name = e.getName();
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                found.add(name.substring(0, name.length() - "data.pkl".length()));
            }
        }
        if (found.size() != 1) {
            throw new WeightFileException(file, "expected one <archive>/data.pkl entry, found " + found.size()
                    + "; not a file written by torch.save");
        }
        return found.get(0);
    }

    /** The pickled object tree, at most {@link #MAX_PICKLE_BYTES}. */
    byte[] pickle() throws IOException {
        checkByteOrder();
        return readSmall(prefix + "data.pkl", MAX_PICKLE_BYTES);
    }

    private void checkByteOrder() throws IOException {
        if (zip.getEntry(prefix + "byteorder") == null) {
            return;
        }
        String order = new String(readSmall(prefix + "byteorder", 16), StandardCharsets.US_ASCII).trim();
        if (!order.equals("little")) {
            throw new WeightFileException(file, "storages are in '" + order + "' byte order; only little-endian files are supported");
        }
    }

    private byte[] readSmall(String name, int limit) throws IOException {
        ZipArchiveEntry e = zip.getEntry(name);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] data = in.readNBytes(limit + 1);
            if (data.length > limit) {
                throw new WeightFileException(file, name + " is larger than " + limit + " bytes");
            }
            return data;
        }
    }

    @Override
    public ByteBuffer read(String key, long byteCount) throws WeightFileException {
        String name = prefix + "data/" + key;
        ZipArchiveEntry e = zip.getEntry(name);
        if (e == null) {
            throw new WeightFileException(file, "the pickle names storage " + key + " but the archive has no " + name);
        }
        if (e.getMethod() != ZipArchiveEntry.STORED) {
            throw new WeightFileException(file, name + " is compressed; torch.save stores storages uncompressed,"
                    + " so the archive was repacked; save it again with torch.save");
        }
        if (byteCount > e.getSize()) {
            throw new WeightFileException(file, "storage " + key + " needs " + byteCount + " bytes but " + name
                    + " holds " + e.getSize() + "; the file is truncated or damaged");
        }
        if (byteCount > Integer.MAX_VALUE) {
            throw new WeightFileException(file, "storage " + key + " is " + byteCount
                    + " bytes; one memory mapping is limited to 2 GB, so storages this large are not supported");
        }
        try {
            long start = dataOffset(e);
            if (start + byteCount > channel.size()) {
                throw new WeightFileException(file, name + " runs past the end of the file; the file is truncated");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, start, byteCount).order(ByteOrder.LITTLE_ENDIAN);
        } catch (WeightFileException x) {
            throw x;
        } catch (IOException x) {
            throw new WeightFileException(file, "cannot map " + name + ": " + x, x);
        }
    }

    /** Where an entry's bytes start: after its local header, whose name and extra field lengths vary. */
    private long dataOffset(ZipArchiveEntry e) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(ZIP_LOCAL_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long at = e.getLocalHeaderOffset();
        while (header.hasRemaining()) {
            if (channel.read(header, at + header.position()) < 0) {
                throw new WeightFileException(file, e.getName() + " has a local header past the end of the file");
            }
        }
        if (header.getInt(0) != ZIP_LOCAL_HEADER_SIGNATURE) {
            throw new WeightFileException(file, e.getName() + " has no valid local zip header");
        }
        return at + ZIP_LOCAL_HEADER_BYTES + (header.getShort(26) & 0xffff) + (header.getShort(28) & 0xffff);
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            zip.close();
        }
    }
}
