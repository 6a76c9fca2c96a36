package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .pt archives built byte by byte, so each pickle construct is tested on its own. */
class PtFileTest {
    @TempDir
    Path dir;

    @Test
    void readsOrderedDictStateDictWithFloatAndLongTensors() throws Exception {
        byte[] pickle = new PickleBuilder().proto().orderedDict().mark()
                .str("conv.weight").tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {3, 1})
                .str("steps").tensor("LongStorage", "1", 3, 0, new long[] {3}, new long[] {1})
                .setitems().stop().bytes();
        Path file = new PtZipBuilder().pickle(pickle)
                .storage("0", TestBytes.floats(0.5f, 1, 2, 3, 4, -5.25f))
                .storage("1", TestBytes.longs(999, 437, -1L << 40))
                .write(dir.resolve("sd.pt"));

        try (StateDict sd = PtFile.open(file)) {
            assertEquals(List.of("conv.weight", "steps"), List.copyOf(sd.keys()));
            TensorData w = sd.get("conv.weight");
            assertEquals(DType.F32, w.dtype());
            assertArrayEquals(new long[] {2, 3}, w.shape());
            assertArrayEquals(new float[] {0.5f, 1, 2, 3, 4, -5.25f}, w.toFloats());
            assertEquals(DType.I64, sd.get("steps").dtype());
            assertArrayEquals(new long[] {999, 437, -1L << 40}, sd.get("steps").toLongs());
            assertEquals(file, sd.source());
        }
    }

    @Test
    void gathersTransposedTensorAndSlicesOffsetView() throws Exception {
        byte[] pickle = new PickleBuilder().proto().emptyDict().mark()
                .str("t").tensor("FloatStorage", "0", 6, 0, new long[] {3, 2}, new long[] {1, 3})
                .str("tail").tensor("FloatStorage", "0", 6, 4, new long[] {2}, new long[] {1})
                .str("column").tensor("FloatStorage", "0", 6, 1, new long[] {2}, new long[] {3})
                .setitems().stop().bytes();
        Path file = new PtZipBuilder().pickle(pickle).storage("0", TestBytes.floats(0, 1, 2, 3, 4, 5))
                .write(dir.resolve("views.pt"));

        StateDict sd = PtFile.open(file);
        assertArrayEquals(new long[] {3, 2}, sd.get("t").shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, sd.get("t").toFloats());
        assertArrayEquals(new float[] {4, 5}, sd.get("tail").toFloats());
        assertArrayEquals(new float[] {1, 4}, sd.get("column").toFloats());
    }

    @Test
    void widensHalfStorage() throws Exception {
        byte[] pickle = new PickleBuilder().proto().emptyDict()
                .str("h").tensor("HalfStorage", "0", 4, 0, new long[] {4}, new long[] {1}).setitem()
                .stop().bytes();
        // 1.0, -2.5, 0.5 and the largest finite half, 65504.
        Path file = new PtZipBuilder().pickle(pickle).storage("0", TestBytes.shorts(0x3C00, 0xC100, 0x3800, 0x7BFF))
                .write(dir.resolve("half.pt"));

        TensorData h = PtFile.open(file).get("h");
        assertEquals(DType.F16, h.dtype());
        assertArrayEquals(new float[] {1.0f, -2.5f, 0.5f, 65504f}, h.toFloats());
    }

    @Test
    void readsNestedCheckpointWithScalars() throws Exception {
        byte[] pickle = new PickleBuilder().proto().emptyDict().mark()
                .str("unet_state_dict").orderedDict()
                .str("out.bias").tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1}).setitem()
                .str("scale_factor").binfloat(1.0287)
                .str("epoch").integer(250)
                .setitems().stop().bytes();
        Path file = new PtZipBuilder().pickle(pickle).storage("0", TestBytes.floats(-1, 1)).write(dir.resolve("ckpt.pt"));

        PtCheckpoint ckpt = PtFile.load(file);
        assertEquals(List.of("unet_state_dict", "scale_factor", "epoch"), List.copyOf(ckpt.keys()));
        assertEquals(1.0287, ckpt.number("scale_factor").getAsDouble(), 0.0);
        assertEquals(250.0, ckpt.number("epoch").getAsDouble(), 0.0);
        assertTrue(ckpt.number("unet_state_dict").isEmpty());
        assertTrue(ckpt.stateDict().keys().isEmpty(), "no tensors at the top level");
        StateDict unet = PtFile.stateDict(file, "unet_state_dict");
        assertArrayEquals(new float[] {-1, 1}, unet.get("out.bias").toFloats());
        WeightFileException e = assertThrows(WeightFileException.class, () -> ckpt.stateDict("model"));
        assertTrue(e.getMessage().contains("unet_state_dict"), e.getMessage());
    }

    @Test
    void unwrapsParameter() throws Exception {
        byte[] pickle = new PickleBuilder().proto().emptyDict().str("p")
                .global("torch._utils", "_rebuild_parameter").mark()
                .tensor("IntStorage", "0", 2, 0, new long[] {2}, new long[] {1}).op(0x88).orderedDict().tuple().reduce()
                .setitem().stop().bytes();
        Path file = new PtZipBuilder().pickle(pickle).storage("0", TestBytes.le(8).putInt(7).putInt(-9).array())
                .write(dir.resolve("param.pt"));

        TensorData p = PtFile.open(file).get("p");
        assertEquals(DType.I32, p.dtype());
        assertArrayEquals(new long[] {7, -9}, p.toLongs());
    }
}
