package org.text2ct.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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

/**
 * The BiomedCLIP text tower against tools/biomedclip_text_reference.py (plain torch, tiny random
 * BERT; one fixture with the MLP projection and the position_ids buffer, one with a linear projection).
 */
class BiomedClipTextTowerTest {
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
    @ValueSource(strings = {"biomedclip_text_mlp_tiny", "biomedclip_text_linear_tiny"})
    void outputsMatchReference(String name) throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path(name + ".weights.safetensors"));
                StateDict io = SafeTensorsFile.open(TestFixtures.path(name + ".io.safetensors"));
                NDManager m = manager.newSubManager()) {
            ParamStore p = new ParamStore(w, m);
            BiomedClipTextTower tower = new BiomedClipTextTower(BiomedClipTextConfig.fromJson(w.metadata().get("config")), p);
            p.checkStrict();
            BiomedClipTextTower.Output out = tower.forward(Tensors.toNDArray(m, io.get("input_ids")));
            long[] mask = io.get("attention_mask").toLongs();
            int hidden = tower.config().bert().hiddenSize();
            assertEquals(new Shape(2, 16, hidden), out.lastHiddenState().getShape());
            assertClose(name + " last_hidden_state", MaskedRows.keep(out.lastHiddenState().toFloatArray(), mask, hidden),
                    MaskedRows.keep(io.get("last_hidden_state").toFloats(), mask, hidden));
            assertClose(name + " pooled", out.pooled().toFloatArray(), io.get("pooled").toFloats());
            assertClose(name + " text_embedding", out.embedding().toFloatArray(), io.get("text_embedding").toFloats());
        }
    }

    @Test
    void mlpConfigOnLinearWeightsNamesTheKeys() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("biomedclip_text_linear_tiny.weights.safetensors"));
                NDManager m = manager.newSubManager()) {
            String mlp = w.metadata().get("config").replace("\"linear\"", "\"mlp\"");
            ParamStore p = new ParamStore(w, m);
            new BiomedClipTextTower(BiomedClipTextConfig.fromJson(mlp), p);
            StateDictMismatchException e = assertThrows(StateDictMismatchException.class, p::checkStrict);
            assertTrue(e.missing().contains("text.proj.0.weight"), e.getMessage());
            assertTrue(e.unexpected().contains("text.proj.weight"), e.getMessage());
        }
    }

    @Test
    void promptLongerThanContextIsRefused() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("biomedclip_text_mlp_tiny.weights.safetensors"));
                NDManager m = manager.newSubManager()) {
            BiomedClipTextTower tower = new BiomedClipTextTower(
                    BiomedClipTextConfig.fromJson(w.metadata().get("config")), new ParamStore(w, m));
            NDArray ids = m.ones(new Shape(1, 17)).toType(ai.djl.ndarray.types.DataType.INT64, false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tower.forward(ids));
            assertTrue(e.getMessage().contains("context_length 16"), e.getMessage());
        }
    }

    @Test
    void unsupportedChoicesAreNamed() {
        String bert = "\"text_config\": {\"hidden_size\": 16, \"num_attention_heads\": 4}";
        IllegalArgumentException pooler = assertThrows(IllegalArgumentException.class,
                () -> BiomedClipTextConfig.fromJson("{\"hf_pooler_type\": \"mean_pooler\", " + bert + "}"));
        assertTrue(pooler.getMessage().contains("mean_pooler"), pooler.getMessage());
        IllegalArgumentException proj = assertThrows(IllegalArgumentException.class,
                () -> BiomedClipTextConfig.fromJson("{\"hf_proj_type\": \"conv\", " + bert + "}"));
        assertTrue(proj.getMessage().contains("hf_proj_type 'conv'"), proj.getMessage());
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> BiomedClipTextConfig.fromJson("{\"text_config\": {\"hidden_size\": 18, \"num_attention_heads\": 4}}"));
        assertTrue(heads.getMessage().contains("num_attention_heads 4"), heads.getMessage());
    }

    @Test
    void defaultsAreBiomedClips() {
        BiomedClipTextConfig c = BiomedClipTextConfig.fromJson("{\"hf_proj_type\": \"mlp\", \"text_config\": {}}");
        assertEquals(512, c.embedDim());
        assertEquals(256, c.contextLength());
        assertEquals(640, c.mlpHidden());
        assertEquals(768, c.bert().hiddenSize());
    }

    private static void assertClose(String what, float[] got, float[] want) {
        double err = TestFixtures.relativeError(got, want);
        assertTrue(err < 1e-5, what + ": relative error " + err);
    }
}
