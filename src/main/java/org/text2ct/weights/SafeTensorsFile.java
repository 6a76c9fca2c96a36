package org.text2ct.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A safetensors file opened read-only. Tensors stay on disk: the data region is memory-mapped in
 * windows of at most 2 GB (one mapping's limit) and each tensor is a slice of its window, so a
 * file with thousands of tensors needs only a few mappings and no heap for the data.
 */
public final class SafeTensorsFile implements StateDict {
    private final Path path;
    private final FileChannel channel;
    private final Map<String, TensorData> tensors;
    private final Map<String, String> metadata;

    private SafeTensorsFile(Path path, FileChannel channel, Map<String, TensorData> tensors,
            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    public static SafeTensorsFile open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = ch.size();
            long headerLen = readHeaderLength(path, ch, size);
            SafeTensorsHeader header = SafeTensorsHeader.parse(path, readHeader(path, ch, headerLen),
                    size - 8 - headerLen);
            Map<String, TensorData> tensors = mapTensors(ch, 8 + headerLen, header.entries());
            return new SafeTensorsFile(path, ch, tensors, header.metadata());
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (e instanceof WeightFileException w) {
                throw w;
            }
            throw new WeightFileException(path, "cannot read safetensors file: " + e, e);
        }
    }

    private static long readHeaderLength(Path path, FileChannel ch, long size) throws IOException {
        if (size < 8) {
            throw new WeightFileException(path, "file is " + size
                    + " bytes; a safetensors file starts with an 8-byte header length, so it is truncated or not safetensors");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(path, ch, lenBuf, 0);
        long headerLen = lenBuf.getLong(0);
        if (headerLen < 0 || headerLen > SafeTensorsHeader.MAX_HEADER_BYTES) {
            throw new WeightFileException(path, "header length " + Long.toUnsignedString(headerLen)
                    + " exceeds the " + SafeTensorsHeader.MAX_HEADER_BYTES + "-byte limit; not a safetensors file");
        }
        if (headerLen > size - 8) {
            throw new WeightFileException(path, "header length " + headerLen + " runs past the end of the "
                    + size + "-byte file; the file is truncated");
        }
        return headerLen;
    }

    private static String readHeader(Path path, FileChannel ch, long headerLen) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) headerLen);
        readFully(path, ch, buf, 8);
        buf.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf).toString();
        } catch (CharacterCodingException e) {
            throw new WeightFileException(path, "header is not UTF-8 text");
        }
    }

    private static void readFully(Path path, FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new WeightFileException(path, "file ended while reading its header; it is truncated");
            }
            pos += n;
        }
    }

    /** Maps the data region in windows of at most 2 GB and slices every tensor out of its window. */
    private static Map<String, TensorData> mapTensors(FileChannel ch, long dataStart,
            List<SafeTensorsHeader.Entry> entries) throws IOException {
        List<SafeTensorsHeader.Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(SafeTensorsHeader.Entry::begin));
        Map<String, TensorData> sliced = new HashMap<>();
        int i = 0;
        while (i < byOffset.size()) {
            long windowStart = byOffset.get(i).begin();
            int j = i;
            long windowEnd = windowStart;
            while (j < byOffset.size() && byOffset.get(j).end() - windowStart <= Integer.MAX_VALUE) {
                windowEnd = Math.max(windowEnd, byOffset.get(j).end());
                j++;
            }
            ByteBuffer window = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + windowStart, windowEnd - windowStart);
            for (SafeTensorsHeader.Entry e : byOffset.subList(i, j)) {
                ByteBuffer slice = window.slice((int) (e.begin() - windowStart), (int) e.byteCount());
                sliced.put(e.name(), new TensorData(e.dtype(), e.shape(), slice));
            }
            i = j;
        }
        Map<String, TensorData> inFileOrder = new LinkedHashMap<>();
        entries.forEach(e -> inFileOrder.put(e.name(), sliced.get(e.name())));
        return inFileOrder;
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    @Override
    public TensorData get(String key) {
        return tensors.get(key);
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public Path source() {
        return path;
    }

    /** Closes the file; the mappings stay valid until the tensors are garbage-collected. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a read-only channel cannot lose data.
        }
    }
}
