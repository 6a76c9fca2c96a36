package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Files written by real torch.save (PyTorch 1.13, tools/make_pt_fixtures.py); values are the script's closed forms. */
class PtFileTorchFixtureTest {
    @Test
    void readsEveryDtypeAndViewOfARealStateDict() throws Exception {
        StateDict sd = PtFile.open(TestBytes.fixture("pt/state_dict.pt"));
        assertEquals(List.of("weight", "index", "half", "bf16", "transposed", "shared_tail", "shared_all", "double",
                "mask", "scalar"), List.copyOf(sd.keys()));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, sd.get("weight").toFloats());
        assertArrayEquals(new long[] {1, -2, 4052555153018976267L}, sd.get("index").toLongs());
        assertEquals(DType.F16, sd.get("half").dtype());
        assertArrayEquals(new float[] {1.0f, -2.5f, 0.5f, 65504f}, sd.get("half").toFloats());
        assertEquals(DType.BF16, sd.get("bf16").dtype());
        assertArrayEquals(new float[] {1.0f, -2.5f, 0.5f, (float) 3.00405527047391e38}, sd.get("bf16").toFloats());
        assertArrayEquals(new long[] {3, 2}, sd.get("transposed").shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, sd.get("transposed").toFloats());
        assertArrayEquals(new float[] {4, 5, 6}, sd.get("shared_tail").toFloats());
        assertEquals(10, sd.get("shared_all").numel());
        assertEquals(DType.F64, sd.get("double").dtype());
        assertEquals(-1e300, sd.get("double").bytes().getDouble(8), 0.0);
        assertEquals(DType.BOOL, sd.get("mask").dtype());
        assertArrayEquals(new long[] {1, 0, 1}, sd.get("mask").toLongs());
        assertArrayEquals(new long[0], sd.get("scalar").shape());
        assertArrayEquals(new long[] {7}, sd.get("scalar").toLongs());
    }

    @Test
    void readsMonaiStyleCheckpoint() throws Exception {
        PtCheckpoint ckpt = PtFile.load(TestBytes.fixture("pt/checkpoint.pt"));
        assertEquals(List.of("unet_state_dict", "scale_factor", "epoch", "lr"), List.copyOf(ckpt.keys()));
        assertEquals(1.0287f, (float) ckpt.number("scale_factor").getAsDouble(), 0f);
        assertEquals(12.0, ckpt.number("epoch").getAsDouble(), 0.0);
        assertEquals(1e-4, ckpt.number("lr").getAsDouble(), 0.0);
        StateDict unet = ckpt.stateDict("unet_state_dict");
        assertEquals(List.of("weight", "bias"), List.copyOf(unet.keys()));
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f, 1, 1.25f}, unet.get("weight").toFloats());
        assertArrayEquals(new float[] {-1, 1}, unet.get("bias").toFloats());
    }

    @Test
    void readsParameter() throws Exception {
        TensorData p = PtFile.open(TestBytes.fixture("pt/parameter.pt")).get("p");
        assertArrayEquals(new long[] {2, 2}, p.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, p.toFloats());
    }
}
