package org.text2ct.model.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.text2ct.nn.Engines;

class PositionChannelsTest {

    @Test
    void coordinatesAreVoxelCentresScaledToMinusOneToOne() {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray x = m.arange(2f * 4 * 2 * 4 * 1).reshape(2, 4, 2, 4, 1);
            NDArray y = PositionChannels.append(x);
            assertEquals(new Shape(2, 7, 2, 4, 1), y.getShape());
            assertArrayEquals(x.toFloatArray(), y.get(new NDIndex(":, :4")).toFloatArray());
            for (int b = 0; b < 2; b++) {
                assertArrayEquals(new float[] {-0.5f, -0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f, 0.5f},
                        y.get(new NDIndex(b + ", 4")).toFloatArray(), 0f);
                assertArrayEquals(new float[] {-0.75f, -0.25f, 0.25f, 0.75f, -0.75f, -0.25f, 0.25f, 0.75f},
                        y.get(new NDIndex(b + ", 5")).toFloatArray(), 0f);
                assertArrayEquals(new float[8], y.get(new NDIndex(b + ", 6")).toFloatArray(), 0f);
            }
        }
    }
}
