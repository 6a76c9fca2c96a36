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
import org.junit.jupiter.api.Test;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.StateDictMismatchException;
import org.text2ct.weights.MapStateDict;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;

/** BiomedCLIP's image tower against a plain-torch timm-semantics reference (tools/biomedclip_image_reference.py). */
class VisionTransformerTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final VitConfig TINY = new VitConfig(32, 8, 16, 2, 4, 64, 12);

    @Test
    void matchesTheReferenceEmbedding() throws Exception {
        try (NDManager m = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch");
                SafeTensorsFile w = SafeTensorsFile.open(FIXTURES.resolve("biomedclip_image_tiny.weights.safetensors"));
                SafeTensorsFile io = SafeTensorsFile.open(FIXTURES.resolve("biomedclip_image_tiny.io.safetensors"))) {
            ParamStore p = new ParamStore(w, m);
            VisionTransformer vit = new VisionTransformer(TINY, p);
            p.checkStrict();
            NDArray out = vit.embed(m.create(io.get("images").toFloats(), new Shape(3, 3, 32, 32)));
            assertEquals(new Shape(3, 12), out.getShape());
            double err = ResNetTest.relativeError(out.toFloatArray(), io.get("embedding").toFloats());
            System.out.printf("ViT tiny vs reference: max relative error %.3e%n", err);
            assertTrue(err < 1e-5, "relative error " + err);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> vit.embed(m.zeros(new Shape(1, 3, 24, 24))));
            assertTrue(e.getMessage().contains("[N, 3, 32, 32]"), e.getMessage());
        }
    }

    @Test
    void strictLoaderNamesAMissingKey() throws Exception {
        try (NDManager m = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch");
                SafeTensorsFile w = SafeTensorsFile.open(FIXTURES.resolve("biomedclip_image_tiny.weights.safetensors"))) {
            Map<String, TensorData> fewer = new LinkedHashMap<>();
            w.keys().stream().filter(k -> !k.equals("visual.head.proj.weight")).forEach(k -> fewer.put(k, w.get(k)));
            ParamStore p = new ParamStore(new MapStateDict(null, fewer, Map.of()), m);
            new VisionTransformer(TINY, p);
            StateDictMismatchException e = assertThrows(StateDictMismatchException.class, p::checkStrict);
            assertTrue(e.getMessage().contains("visual.head.proj.weight"), e.getMessage());
        }
    }
}
