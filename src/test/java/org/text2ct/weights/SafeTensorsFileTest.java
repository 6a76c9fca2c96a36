package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MAISI VAE fixture; expected values were read from the file with Python's struct module. */
class SafeTensorsFileTest {
    @Test
    void readsMaisiVaeFixture() throws Exception {
        try (SafeTensorsFile f = SafeTensorsFile.open(TestBytes.fixture("maisi_vae_tiny.weights.safetensors"))) {
            assertEquals(126, f.keys().size());
            List<String> keys = List.copyOf(f.keys());
            assertEquals("encoder.blocks.0.conv.conv.weight", keys.get(0));
            assertEquals("post_quant_conv.conv.bias", keys.get(125));

            TensorData first = f.get("encoder.blocks.0.conv.conv.weight");
            assertEquals(DType.F32, first.dtype());
            assertArrayEquals(new long[] {8, 1, 3, 3, 3}, first.shape());
            float[] v = first.toFloats();
            assertEquals(216, v.length);
            assertEquals(0.05897587165236473f, v[0]);
            assertEquals(-0.16312387585639954f, v[215]);

            assertArrayEquals(new long[] {16, 4, 3, 3, 3}, f.get("decoder.blocks.0.conv.conv.weight").shape());
            assertArrayEquals(new long[] {4, 4, 1, 1, 1}, f.get("quant_conv_mu.conv.weight").shape());
            float[] bias = f.get("post_quant_conv.conv.bias").toFloats();
            assertEquals(0.04808280989527702f, bias[0]);
            assertEquals(-0.19957301020622253f, bias[3]);
            assertNull(f.get("no.such.key"));
        }
    }

    /** Two 1.5 GB tensors cannot share one 2 GB mapping; the file is sparse, so it costs no disk space. */
    @Test
    void mapsFilesBeyond2GBInSeveralWindows(@TempDir Path dir) throws Exception {
        long half = 3L << 29;
        String json = "{\"a\":{\"dtype\":\"U8\",\"shape\":[%d],\"data_offsets\":[0,%d]},"
                + "\"b\":{\"dtype\":\"U8\",\"shape\":[%d],\"data_offsets\":[%d,%d]}}";
        byte[] header = json.formatted(half, half, half, half, 2 * half).getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve("big.safetensors");
        long dataStart = 8 + header.length;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(dataStart + 2 * half);
            raf.write(TestBytes.longs(header.length));
            raf.write(header);
            raf.seek(dataStart + half - 1);
            raf.write(new byte[] {11, 22});
            raf.seek(dataStart + 2 * half - 1);
            raf.write(33);
        }

        try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
            ByteBuffer a = f.get("a").bytes();
            ByteBuffer b = f.get("b").bytes();
            assertEquals(half, a.remaining());
            assertEquals(half, b.remaining());
            assertEquals(11, a.get((int) half - 1));
            assertEquals(22, b.get(0));
            assertEquals(33, b.get((int) half - 1));
        }
    }

    @Test
    void exposesConfigMetadata() throws Exception {
        try (SafeTensorsFile f = SafeTensorsFile.open(TestBytes.fixture("maisi_vae_tiny.weights.safetensors"))) {
            assertEquals(List.of("config"), List.copyOf(f.metadata().keySet()));
            JsonObject config = JsonParser.parseString(f.metadata().get("config")).getAsJsonObject();
            assertEquals(4, config.get("latent_channels").getAsInt());
            assertEquals("[8,16,16]", config.get("num_channels").toString());
            assertTrue(f.source().endsWith("maisi_vae_tiny.weights.safetensors"));
        }
    }
}
