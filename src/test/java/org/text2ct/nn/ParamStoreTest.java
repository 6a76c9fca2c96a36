package org.text2ct.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/** Strict loading reports every missing key, unexpected key and shape mismatch by name. */
class ParamStoreTest {
    static StateDict dict(Map<String, TensorData> tensors) {
        return new StateDict() {
            public Set<String> keys() {
                return tensors.keySet();
            }

            public TensorData get(String key) {
                return tensors.get(key);
            }

            public Map<String, String> metadata() {
                return Map.of();
            }

            public Path source() {
                return Path.of("model.safetensors");
            }

            public void close() {
            }
        };
    }

    @Test
    void reportsAllProblemsByName() {
        Map<String, TensorData> t = new LinkedHashMap<>();
        t.put("conv.weight", TensorData.ofFloats(new long[] {2, 3}, new float[6]));
        t.put("conv.bias", TensorData.ofFloats(new long[] {3}, new float[3]));
        t.put("stray.weight", TensorData.ofFloats(new long[] {1}, new float[1]));
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ParamStore p = new ParamStore(dict(t), m);
            p.get("conv.weight", 2, 3);
            p.get("conv.bias", 2);
            p.get("norm.weight", 2);
            StateDictMismatchException e = assertThrows(StateDictMismatchException.class, p::checkStrict);
            assertEquals(List.of("norm.weight"), e.missing());
            assertEquals(List.of("stray.weight"), e.unexpected());
            assertEquals(1, e.mismatched().size());
            assertTrue(e.mismatched().get(0).startsWith("conv.bias [3] (expected [2])"), e.mismatched().get(0));
            assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
        }
    }

    @Test
    void exactMatchPasses() {
        Map<String, TensorData> t = new LinkedHashMap<>();
        t.put("w", TensorData.ofFloats(new long[] {2}, new float[] {1.5f, -2f}));
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ParamStore p = new ParamStore(dict(t), m);
            assertEquals(-2f, p.get("w", 2).toFloatArray()[1]);
            p.checkStrict();
        }
    }
}
