package org.text2ct.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes safetensors files the Python {@code safetensors} library reads: an 8-byte little-endian
 * header length, a JSON header padded with spaces to a multiple of 8, then the tensors' bytes in
 * order. Tensor bytes are streamed from their buffers (which may be memory-mapped), never gathered
 * into one array. The file appears under its name only once complete: it is written to a temporary
 * file beside the target and then moved into place.
 */
public final class SafeTensorsWriter {
    private SafeTensorsWriter() {
    }

    /**
     * Writes {@code tensors} (in iteration order) and {@code metadata} to {@code target}.
     *
     * @param overwrite whether an existing {@code target} may be replaced; without it an existing
     *     file is left alone and {@link FileAlreadyExistsException} is thrown
     */
    public static void write(Path target, Map<String, TensorData> tensors, Map<String, String> metadata,
            boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite; pass overwrite to replace it");
        }
        byte[] header = header(target, tensors, metadata);
        // Not Files.createTempFile: its owner-only permissions would stay on the finished file.
        Path tmp = target.toAbsolutePath().resolveSibling(
                "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
                writeFully(ch, len);
                writeFully(ch, ByteBuffer.wrap(header));
                for (TensorData t : tensors.values()) {
                    writeFully(ch, t.bytes());
                }
                ch.force(true);
            }
            if (overwrite) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // Without REPLACE_EXISTING the move fails if the target appeared while we were writing.
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes as the Python library does. */
    static byte[] header(Path target, Map<String, TensorData> tensors, Map<String, String> metadata)
            throws WeightFileException {
        JsonObject root = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            root.add(SafeTensorsHeader.METADATA_KEY, meta);
        }
        long offset = 0;
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            if (e.getKey().equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new WeightFileException(target, "a tensor may not be named " + SafeTensorsHeader.METADATA_KEY);
            }
            TensorData t = e.getValue();
            long size = t.bytes().remaining();
            JsonObject o = new JsonObject();
            o.addProperty("dtype", t.dtype().name());
            JsonArray shape = new JsonArray();
            Arrays.stream(t.shape()).forEach(shape::add);
            o.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + size);
            o.add("data_offsets", offsets);
            root.add(e.getKey(), o);
            offset += size;
        }
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
