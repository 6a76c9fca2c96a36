package org.text2ct.model.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.text2ct.TestFixtures;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/** The diffusion UNet against MONAI's outputs for the text, region/spacing and Text2CT configurations. */
class MaisiUnetTest {
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
    @ValueSource(strings = {"maisi_unet_text_tiny", "maisi_unet_region_tiny", "text2ct_unet_tiny"})
    void forwardMatchesReference(String name) throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path(name + ".weights.safetensors"));
                StateDict io = SafeTensorsFile.open(TestFixtures.path(name + ".io.safetensors"));
                NDManager m = manager.newSubManager()) {
            ParamStore p = new ParamStore(w, m);
            MaisiUnet unet = new MaisiUnet(UnetConfig.fromJson(w.metadata().get("config")), p);
            p.checkStrict();
            UnetInputs in = new UnetInputs(get(m, io, "x"), get(m, io, "timesteps"), get(m, io, "context"), null,
                    get(m, io, "class_labels"), get(m, io, "top_region_index"), get(m, io, "bottom_region_index"),
                    get(m, io, "spacing"));
            NDArray out = unet.forward(in);
            assertEquals(in.x().getShape(), out.getShape());
            double err = TestFixtures.relativeError(out.toFloatArray(), io.get("output").toFloats());
            assertTrue(err < 1e-5, name + ": relative error " + err);
        }
    }

    /** Padding tokens appended to MONAI's context and masked out leave the reference output unchanged. */
    @Test
    void maskedPaddingIsSkipped() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("maisi_unet_text_tiny.weights.safetensors"));
                StateDict io = SafeTensorsFile.open(TestFixtures.path("maisi_unet_text_tiny.io.safetensors"));
                NDManager m = manager.newSubManager()) {
            MaisiUnet unet = new MaisiUnet(UnetConfig.fromJson(w.metadata().get("config")), new ParamStore(w, m));
            NDArray context = get(m, io, "context");
            long batch = context.getShape().get(0);
            long real = context.getShape().get(1);
            NDArray padded = context.concat(m.randomNormal(new ai.djl.ndarray.types.Shape(batch, 3,
                    context.getShape().get(2))).mul(3f), 1);
            NDArray mask = m.ones(new ai.djl.ndarray.types.Shape(batch, real), ai.djl.ndarray.types.DataType.INT64)
                    .concat(m.zeros(new ai.djl.ndarray.types.Shape(batch, 3), ai.djl.ndarray.types.DataType.INT64), 1);
            float[] reference = io.get("output").toFloats();
            NDArray masked = unet.forward(new UnetInputs(get(m, io, "x"), get(m, io, "timesteps"), padded, mask,
                    null, null, null, null));
            NDArray attended = unet.forward(new UnetInputs(get(m, io, "x"), get(m, io, "timesteps"), padded, null,
                    null, null, null, null));
            double err = TestFixtures.relativeError(masked.toFloatArray(), reference);
            assertTrue(err < 1e-5, "masked padding changed the output: relative error " + err);
            double unmaskedErr = TestFixtures.relativeError(attended.toFloatArray(), reference);
            assertTrue(unmaskedErr > 1e-3, "unmasked padding should change the output, error " + unmaskedErr);
        }
    }

    @Test
    void missingInputIsNamed() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("text2ct_unet_tiny.weights.safetensors"));
                NDManager m = manager.newSubManager()) {
            MaisiUnet unet = new MaisiUnet(UnetConfig.fromJson(w.metadata().get("config")), new ParamStore(w, m));
            NDArray x = m.zeros(new ai.djl.ndarray.types.Shape(1, 4, 8, 8, 8));
            NDArray t = m.create(new long[] {10});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> unet.forward(new UnetInputs(x, t, m.zeros(new ai.djl.ndarray.types.Shape(1, 3, 12)), null,
                            null, null, null, m.zeros(new ai.djl.ndarray.types.Shape(1, 3)))));
            assertTrue(e.getMessage().contains("class_labels"), e.getMessage());
        }
    }

    @Test
    void latentNotDivisibleByEightIsRefused() throws Exception {
        try (StateDict w = SafeTensorsFile.open(TestFixtures.path("maisi_unet_text_tiny.weights.safetensors"));
                NDManager m = manager.newSubManager()) {
            MaisiUnet unet = new MaisiUnet(UnetConfig.fromJson(w.metadata().get("config")), new ParamStore(w, m));
            NDArray x = m.zeros(new ai.djl.ndarray.types.Shape(1, 4, 8, 6, 8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unet.forward(
                    new UnetInputs(x, m.create(new long[] {1}), m.zeros(new ai.djl.ndarray.types.Shape(1, 2, 12)),
                            null, null, null, null, null)));
            assertTrue(e.getMessage().contains("divisible by 4"), e.getMessage());
        }
    }

    @Test
    void invalidConfigNamesBothFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnetConfig.fromJson("{\"num_channels\":[8,16],\"attention_levels\":[false,true],"
                        + "\"norm_num_groups\":4,\"num_head_channels\":8,\"with_conditioning\":true}"));
        assertTrue(e.getMessage().contains("with_conditioning") && e.getMessage().contains("cross_attention_dim"),
                e.getMessage());
    }

    private static NDArray get(NDManager m, StateDict io, String key) {
        TensorData t = io.get(key);
        return t == null ? null : Tensors.toNDArray(m, t);
    }
}
