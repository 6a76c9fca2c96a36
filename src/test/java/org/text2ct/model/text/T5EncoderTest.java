package org.text2ct.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.text2ct.TestFixtures;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.StateDictMismatchException;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/** The T5 encoder against Hugging Face's outputs for the ReLU and gated-GELU configurations. */
class T5EncoderTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        Engines.pytorch();
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"t5_relu_tiny", "t5_gated_tiny"})
    void unpaddedRowsMatchReference(String name) throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path(name + ".weights.safetensors"));
                StateDict io = SafeTensorsFile.open(TestFixtures.path(name + ".io.safetensors"));
                NDManager m = manager.newSubManager()) {
            ParamStore p = new ParamStore(w, m);
            T5Encoder encoder = new T5Encoder(T5Config.fromJson(w.metadata().get("config")), p);
            p.checkStrict();
            TensorData mask = io.get("attention_mask");
            NDArray out = encoder.forward(Tensors.toNDArray(m, io.get("input_ids")), Tensors.toNDArray(m, mask));
            assertEquals(new Shape(2, 150, 16), out.getShape());
            long[] maskValues = mask.toLongs();
            float[] got = MaskedRows.keep(out.toFloatArray(), maskValues, 16);
            float[] want = MaskedRows.keep(io.get("last_hidden_state").toFloats(), maskValues, 16);
            assertTrue(got.length < 2 * 150 * 16, "the fixture's second row is padded");
            double err = TestFixtures.relativeError(got, want);
            assertTrue(err < 1e-5, name + ": relative error " + err);
        }
    }

    @Test
    void configInMetadataMatchesCasesFile() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("t5_gated_tiny.weights.safetensors"))) {
            T5Config c = T5Config.fromJson(w.metadata().get("config"));
            assertEquals(new T5Config(120, 16, 4, 24, 2, 4, 32, 128, 1e-6f, T5Config.FeedForward.GATED_GELU), c);
        }
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("t5_relu_tiny.weights.safetensors"));
                NDManager m = manager.newSubManager()) {
            T5Config gated = T5Config.fromJson(w.metadata().get("config").replace("\"relu\"", "\"gated-gelu\""));
            ParamStore p = new ParamStore(w, m);
            new T5Encoder(gated, p);
            StateDictMismatchException e = assertThrows(StateDictMismatchException.class, p::checkStrict);
            assertTrue(e.missing().contains("encoder.block.1.layer.1.DenseReluDense.wi_0.weight"), e.getMessage());
            assertTrue(e.unexpected().contains("encoder.block.1.layer.1.DenseReluDense.wi.weight"), e.getMessage());
        }
    }

    @Test
    void unknownFeedForwardIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> T5Config.fromJson("{\"feed_forward_proj\": \"gated-swish\"}"));
        assertTrue(e.getMessage().contains("feed_forward_proj 'gated-swish'"), e.getMessage());
    }

    @Test
    void defaultsAreT5Small() {
        T5Config c = T5Config.fromJson("{}");
        assertEquals(512, c.dModel());
        assertEquals(T5Config.FeedForward.RELU, c.feedForwardProj());
    }

    @Test
    void tokenOutsideVocabularyIsRefused() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("t5_relu_tiny.weights.safetensors"));
                NDManager m = manager.newSubManager()) {
            T5Encoder encoder = new T5Encoder(T5Config.fromJson(w.metadata().get("config")), new ParamStore(w, m));
            NDArray ids = m.create(new long[] {3, 120}, new Shape(1, 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.forward(ids, null));
            assertTrue(e.getMessage().contains("id 120 is outside the 120 rows of shared.weight"), e.getMessage());
        }
    }

    @Test
    void embeddingAliasAloneIsAccepted() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("t5_relu_tiny.weights.safetensors"));
                NDManager m = manager.newSubManager()) {
            ParamStore p = new ParamStore(new WithoutKey(w, T5Encoder.EMBEDDING), m);
            new T5Encoder(T5Config.fromJson(w.metadata().get("config")), p);
            p.checkStrict();
        }
    }

    /** A state dict with one key hidden, as in a checkpoint that stores only the alias. */
    private record WithoutKey(StateDict inner, String hidden) implements StateDict {
        @Override
        public Set<String> keys() {
            Set<String> keys = new LinkedHashSet<>(inner.keys());
            keys.remove(hidden);
            return keys;
        }

        @Override
        public TensorData get(String key) {
            return key.equals(hidden) ? null : inner.get(key);
        }

        @Override
        public Map<String, String> metadata() {
            return inner.metadata();
        }

        @Override
        public Path source() {
            return inner.source();
        }

        @Override
        public void close() {
        }
    }
}
