package org.text2ct.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.text2ct.weights.TensorData;

/**
 * The additive logit bias, also when queries are processed in blocks: a bias that leaves each
 * query exactly one visible key (the mirrored position) must return that key's value.
 */
class MultiHeadAttentionBiasTest {
    @Test
    void perQueryBiasFollowsTheQueryBlocks() {
        Engines.pytorch();
        // 8,200² logits exceed one block, so the last 8 queries form a second block.
        int t = 8200;
        assertTrue((long) t * t > MultiHeadAttention.MAX_BLOCK_ELEMENTS);
        TensorData one = TensorData.ofFloats(new long[] {1, 1}, new float[] {1f});
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ParamStore p = new ParamStore(ParamStoreTest.dict(Map.of("q.weight", one, "k.weight", one, "v.weight", one)), m);
            MultiHeadAttention attention = MultiHeadAttention.of(LinearLayer.load(p, "q", 1, 1, false),
                    LinearLayer.load(p, "k", 1, 1, false), LinearLayer.load(p, "v", 1, 1, false), null, 1, 1, 1f);
            NDArray x = m.arange(0f, t).reshape(1, t, 1);
            NDArray bias = m.eye(t).flip(1).sub(1f).mul(1e9f).reshape(new Shape(1, 1, t, t));
            float[] got = attention.forward(x, null, bias).toFloatArray();
            float[] mirrored = new float[t];
            for (int i = 0; i < t; i++) {
                mirrored[i] = t - 1 - i;
            }
            assertArrayEquals(mirrored, got);
        }
    }
}
