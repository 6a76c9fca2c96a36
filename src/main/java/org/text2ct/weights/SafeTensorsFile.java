package org.text2ct.weights;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A safetensors file opened read-only and memory-mapped tensor by tensor. */
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
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(lenBuf, 0);
            long headerLen = lenBuf.getLong(0);
            String header = StandardCharsets.UTF_8.decode(ch.map(FileChannel.MapMode.READ_ONLY, 8, headerLen)).toString();
            JsonObject root = JsonParser.parseString(header).getAsJsonObject();
            long dataStart = 8 + headerLen;
            Map<String, TensorData> tensors = new LinkedHashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : root.entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                if (e.getKey().equals("__metadata__")) {
                    o.entrySet().forEach(m -> meta.put(m.getKey(), m.getValue().getAsString()));
                    continue;
                }
                DType dtype = DType.fromSafetensors(o.get("dtype").getAsString());
                var shapeJson = o.getAsJsonArray("shape");
                long[] shape = new long[shapeJson.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeJson.get(i).getAsLong();
                }
                var off = o.getAsJsonArray("data_offsets");
                long begin = off.get(0).getAsLong();
                long end = off.get(1).getAsLong();
                MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin);
                tensors.put(e.getKey(), new TensorData(dtype, shape, buf));
            }
            if (dataStart > size) {
                throw new WeightFileException(path, "header runs past the end of the file");
            }
            return new SafeTensorsFile(path, ch, tensors, meta);
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (e instanceof WeightFileException w) {
                throw w;
            }
            throw new WeightFileException(path, "not a valid safetensors file: " + e.getMessage(), e);
        }
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
        return Collections.unmodifiableMap(metadata);
    }

    @Override
    public Path source() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a read-only channel cannot lose data.
        }
    }
}
