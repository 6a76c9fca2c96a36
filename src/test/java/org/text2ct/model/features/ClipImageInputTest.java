package org.text2ct.model.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.text2ct.nn.Engines;

/** BiomedCLIP's image preparation: shorter side resized, centre crop, OpenAI CLIP mean/std per channel. */
class ClipImageInputTest {
    @Test
    void constantImageNormalisesPerChannel() {
        try (NDManager m = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch")) {
            NDArray out = ClipImageInput.prepare(m.full(new Shape(2, 3, 20, 40), 0.5f), 32);
            assertEquals(new Shape(2, 3, 32, 32), out.getShape());
            float[] v = out.toFloatArray();
            for (int c = 0; c < 3; c++) {
                float want = (0.5f - ClipImageInput.MEAN[c]) / ClipImageInput.STD[c];
                assertEquals(want, v[c * 32 * 32 + 17], 1e-5);
                assertEquals(want, v[(3 + c) * 32 * 32 + 1000], 1e-5);
            }
            assertThrows(IllegalArgumentException.class, () -> ClipImageInput.prepare(m.zeros(new Shape(1, 1, 8, 8)), 4));
        }
    }
}
