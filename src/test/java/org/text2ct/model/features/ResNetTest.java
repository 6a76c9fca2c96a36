package org.text2ct.model.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.StateDictMismatchException;
import org.text2ct.weights.MapStateDict;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/**
 * The ResNet against torchvision's own Bottleneck/ResNet code (tools/resnet_reference.py): a tiny
 * width-4, [1,1,1,1] network with random weights and BatchNorm statistics, features = avgpool output.
 */
class ResNetTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final ResNetConfig TINY = new ResNetConfig(new int[] {1, 1, 1, 1}, 4, 4);

    private static NDManager manager;
    private static float[] images;
    private static float[] expected;

    @BeforeAll
    static void load() throws Exception {
        manager = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch");
        try (SafeTensorsFile io = SafeTensorsFile.open(FIXTURES.resolve("resnet_tiny.io.safetensors"))) {
            images = io.get("images").toFloats();
            expected = io.get("features").toFloats();
        }
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Max |got − expected| relative to the largest reference value. */
    static double relativeError(float[] got, float[] want) {
        assertEquals(want.length, got.length);
        double err = 0;
        double scale = 0;
        for (int i = 0; i < want.length; i++) {
            err = Math.max(err, Math.abs(got[i] - want[i]));
            scale = Math.max(scale, Math.abs(want[i]));
        }
        return err / scale;
    }

    private static float[] features(StateDict weights) {
        ParamStore p = new ParamStore(weights, manager);
        ResNet net = new ResNet(TINY, p);
        p.checkStrict();
        NDArray out = net.features(manager.create(images, new Shape(2, 3, 64, 64)));
        assertEquals(new Shape(2, 128), out.getShape());
        return out.toFloatArray();
    }

    @Test
    void matchesTorchvisionFromSafetensors() throws Exception {
        try (StateDict w = ResNetWeights.open(FIXTURES.resolve("resnet_tiny.weights.safetensors"))) {
            double err = relativeError(features(w), expected);
            System.out.printf("ResNet tiny (safetensors) vs torchvision: max relative error %.3e%n", err);
            assertTrue(err < 1e-5, "relative error " + err);
        }
    }

    @Test
    void readsTorchCheckpointWithWrapperPrefix() throws Exception {
        try (StateDict w = ResNetWeights.open(FIXTURES.resolve("resnet_tiny.pt"))) {
            assertTrue(w.keys().contains("layer4.0.downsample.0.weight"), "module. prefix removed: " + w.keys());
            double err = relativeError(features(w), expected);
            System.out.printf("ResNet tiny (.pt, module. prefix) vs torchvision: max relative error %.3e%n", err);
            assertTrue(err < 1e-5, "relative error " + err);
        }
    }

    @Test
    void strictLoaderNamesAMissingKey() throws Exception {
        try (StateDict w = ResNetWeights.open(FIXTURES.resolve("resnet_tiny.weights.safetensors"))) {
            Map<String, TensorData> fewer = new LinkedHashMap<>();
            w.keys().stream().filter(k -> !k.equals("layer3.0.bn2.running_var")).forEach(k -> fewer.put(k, w.get(k)));
            StateDictMismatchException e = assertThrows(StateDictMismatchException.class,
                    () -> features(new MapStateDict(null, fewer, Map.of())));
            assertTrue(e.getMessage().contains("layer3.0.bn2.running_var"), e.getMessage());
        }
    }

    @Test
    void refusesImagesThatAreNotThreeChannel() {
        ResNet net = new ResNet(TINY, ParamStore.random(manager, 1));
        assertThrows(IllegalArgumentException.class, () -> net.features(manager.zeros(new Shape(1, 1, 64, 64))));
    }

    @Test
    void resnet50HasTheReleasedFeatureLength() {
        assertEquals(2048, ResNetConfig.RESNET50.featureDim());
    }
}
