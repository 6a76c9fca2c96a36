package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsWriterTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryWidenedDtypeAndMetadata() throws Exception {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("w", TensorData.ofFloats(new long[] {2, 2}, new float[] {1.5f, -2, 0, 3e-8f}));
        tensors.put("steps", TensorData.ofLongs(new long[] {3}, new long[] {999, -1, Long.MAX_VALUE}));
        tensors.put("half", new TensorData(DType.F16, new long[] {3}, ByteBuffer.wrap(TestBytes.shorts(0x3C00, 0xC100, 0x7BFF))));
        tensors.put("bf16", new TensorData(DType.BF16, new long[] {2}, ByteBuffer.wrap(TestBytes.shorts(0x3F80, 0xC020))));
        tensors.put("scalar", TensorData.ofFloats(new long[0], new float[] {7}));
        Map<String, String> metadata = Map.of("config", "{\"a\": [1, 2]}", "note", "<ü & \"quoted\">");
        Path file = dir.resolve("out.safetensors");

        SafeTensorsWriter.write(file, tensors, metadata, false);

        try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
            assertEquals(List.of("w", "steps", "half", "bf16", "scalar"), List.copyOf(f.keys()));
            assertEquals(metadata, f.metadata());
            assertArrayEquals(new long[] {2, 2}, f.get("w").shape());
            assertArrayEquals(new float[] {1.5f, -2, 0, 3e-8f}, f.get("w").toFloats());
            assertArrayEquals(new long[] {999, -1, Long.MAX_VALUE}, f.get("steps").toLongs());
            assertEquals(DType.F16, f.get("half").dtype());
            assertArrayEquals(new float[] {1, -2.5f, 65504}, f.get("half").toFloats());
            assertEquals(DType.BF16, f.get("bf16").dtype());
            assertArrayEquals(new float[] {1, -2.5f}, f.get("bf16").toFloats());
            assertArrayEquals(new long[0], f.get("scalar").shape());
            assertArrayEquals(new float[] {7}, f.get("scalar").toFloats());
        }
    }

    @Test
    void writesThePythonLayout() throws Exception {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("a", TensorData.ofFloats(new long[] {1}, new float[] {1}));
        tensors.put("b", TensorData.ofLongs(new long[] {2}, new long[] {5, 6}));
        Path file = dir.resolve("layout.safetensors");
        SafeTensorsWriter.write(file, tensors, Map.of(), false);

        byte[] bytes = Files.readAllBytes(file);
        long headerLen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, headerLen % 8, "header padded to a multiple of 8");
        assertEquals(8 + headerLen + 4 + 16, bytes.length);
        String header = new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}"), header);
        String unpadded = header.stripTrailing();
        assertTrue(unpadded.endsWith("}"), header);
        assertEquals(" ".repeat(header.length() - unpadded.length()), header.substring(unpadded.length()), "padding is spaces");
        JsonObject json = JsonParser.parseString(header).getAsJsonObject();
        assertEquals("[4,20]", json.getAsJsonObject("b").get("data_offsets").toString());
        assertEquals(5, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong((int) (8 + headerLen + 4)));
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("keep.safetensors"), "precious");
        Map<String, TensorData> one = Map.of("x", TensorData.ofFloats(new long[] {1}, new float[] {2}));

        assertThrows(FileAlreadyExistsException.class, () -> SafeTensorsWriter.write(file, one, Map.of(), false));
        assertEquals("precious", Files.readString(file));

        SafeTensorsWriter.write(file, one, Map.of(), true);
        try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
            assertArrayEquals(new float[] {2}, f.get("x").toFloats());
        }
        assertEquals(List.of(file), listDir(), "no temporary file is left behind");
    }

    /** The finished file gets the permissions any new file gets here, not a temporary file's owner-only ones. */
    @Test
    void finishedFileHasOrdinaryPermissions() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("w.safetensors");
        SafeTensorsWriter.write(written, Map.of("x", TensorData.ofFloats(new long[] {1}, new float[] {2})), Map.of(), false);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void refusesReservedNameAndLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("bad.safetensors");
        Map<String, TensorData> bad = Map.of("__metadata__", TensorData.ofFloats(new long[] {1}, new float[] {2}));

        WeightFileException e = assertThrows(WeightFileException.class, () -> SafeTensorsWriter.write(file, bad, Map.of(), true));
        assertTrue(e.getMessage().contains("__metadata__"), e.getMessage());
        assertEquals(List.of(), listDir());
    }

    /** A memory-mapped source is streamed to the new file, as a converter does with large checkpoints. */
    @Test
    void copiesMappedTensorsFromAnotherFile() throws Exception {
        Path copy = dir.resolve("copy.safetensors");
        try (SafeTensorsFile src = SafeTensorsFile.open(TestBytes.fixture("maisi_vae_tiny.weights.safetensors"))) {
            Map<String, TensorData> all = new LinkedHashMap<>();
            src.keys().forEach(k -> all.put(k, src.get(k)));
            SafeTensorsWriter.write(copy, all, src.metadata(), false);
            try (SafeTensorsFile back = SafeTensorsFile.open(copy)) {
                assertEquals(List.copyOf(src.keys()), List.copyOf(back.keys()));
                assertEquals(src.metadata(), back.metadata());
                for (String k : src.keys()) {
                    assertEquals(src.get(k).bytes(), back.get(k).bytes(), k);
                }
            }
        }
    }

    private List<Path> listDir() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
