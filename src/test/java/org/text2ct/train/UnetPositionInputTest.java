package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.text2ct.TestFixtures;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.unet.UnetInputs;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.MapStateDict;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/** Turning on the coordinate input of a trained UNet keeps its output until the new weights move. */
class UnetPositionInputTest {

    @Test
    void widenedNetworkStillGivesTheReferenceOutput() throws Exception {
        String json;
        Map<String, TensorData> weights;
        try (SafeTensorsFile w = SafeTensorsFile.open(TestFixtures.path("text2ct_unet_tiny.weights.safetensors"))) {
            json = w.metadata().get("config");
            weights = w.copyAsFloats();
        }
        UnetPositionInput on = UnetPositionInput.enable(json, weights, false);
        assertFalse(UnetConfig.fromJson(json).positionInput());
        assertTrue(UnetConfig.fromJson(on.unetJson()).positionInput());
        long[] before = weights.get(UnetPositionInput.CONV_IN_WEIGHT).shape();
        long[] after = on.weights().get(UnetPositionInput.CONV_IN_WEIGHT).shape();
        assertArrayEquals(new long[] {before[0], before[1] + 3, before[2], before[3], before[4]}, after);

        float[] reference;
        try (StateDict io = SafeTensorsFile.open(TestFixtures.path("text2ct_unet_tiny.io.safetensors"))) {
            reference = io.get("output").toFloats();
            float[] widened = forward(on.unetJson(), on.weights(), io);
            double err = TestFixtures.relativeError(widened, reference);
            assertTrue(err < 1e-6, "zero weights on the coordinates changed the output: relative error " + err);

            Map<String, TensorData> moved = new HashMap<>(on.weights());
            float[] w = moved.get(UnetPositionInput.CONV_IN_WEIGHT).toFloats();
            int perOut = (int) (after[1] * after[2] * after[3] * after[4]);
            int first = (int) (before[1] * after[2] * after[3] * after[4]);
            for (int o = 0; o < after[0]; o++) {
                w[o * perOut + first] = 0.5f;
            }
            moved.put(UnetPositionInput.CONV_IN_WEIGHT, TensorData.ofFloats(after, w));
            double used = TestFixtures.relativeError(forward(on.unetJson(), moved, io), reference);
            assertTrue(used > 1e-3, "weighted coordinates should change the output, error " + used);
        }
        assertEquals(on, UnetPositionInput.enable(on.unetJson(), on.weights(), true));
    }

    @Test
    void resumedRunCannotAddTheInput() throws Exception {
        String json;
        try (SafeTensorsFile w = SafeTensorsFile.open(TestFixtures.path("text2ct_unet_tiny.weights.safetensors"))) {
            json = w.metadata().get("config");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnetPositionInput.enable(json, Map.of(), true));
        assertTrue(e.getMessage().contains("resume without --position-input"), e.getMessage());
    }

    private static float[] forward(String json, Map<String, TensorData> weights, StateDict io) {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ParamStore p = new ParamStore(new MapStateDict(null, weights, Map.of()), m);
            MaisiUnet unet = new MaisiUnet(UnetConfig.fromJson(json), p);
            p.checkStrict();
            return unet.forward(new UnetInputs(get(m, io, "x"), get(m, io, "timesteps"), get(m, io, "context"), null,
                    get(m, io, "class_labels"), get(m, io, "top_region_index"), get(m, io, "bottom_region_index"),
                    get(m, io, "spacing"))).toFloatArray();
        }
    }

    private static ai.djl.ndarray.NDArray get(NDManager m, StateDict io, String key) {
        TensorData t = io.get(key);
        return t == null ? null : Tensors.toNDArray(m, t);
    }
}
