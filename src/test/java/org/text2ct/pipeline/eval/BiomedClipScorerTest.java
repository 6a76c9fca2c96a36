package org.text2ct.pipeline.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.text2ct.eval.SliceBatch;
import org.text2ct.eval.View;
import org.text2ct.eval.ViewSlicer;
import org.text2ct.model.features.ClipImageInput;
import org.text2ct.model.features.VisionTransformer;
import org.text2ct.model.features.VitConfig;
import org.text2ct.model.text.BiomedClipTextConfig;
import org.text2ct.model.text.BiomedClipTextTower;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.text.TextTokenizer;
import org.text2ct.weights.SafeTensorsFile;

/** Both tiny BiomedCLIP towers (fixtures checked elsewhere) wired into per-slice cosines. */
class BiomedClipScorerTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void cosinesAreThoseOfTheTwoTowersEmbeddings() throws Exception {
        NDManager m = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch");
        try (SafeTensorsFile tw = SafeTensorsFile.open(FIXTURES.resolve("biomedclip_text_linear_tiny.weights.safetensors"));
                SafeTensorsFile iw = SafeTensorsFile.open(FIXTURES.resolve("biomedclip_image_tiny.weights.safetensors"));
                TextTokenizer tok = TextTokenizer.open(Path.of("src/test/resources/tokenizers/bert-wordpiece-tiny.json"), 16)) {
            ParamStore tp = new ParamStore(tw, m);
            BiomedClipTextTower text = new BiomedClipTextTower(BiomedClipTextConfig.fromJson(tw.metadata().get("config")), tp);
            tp.checkStrict();
            ParamStore ip = new ParamStore(iw, m);
            VisionTransformer image = new VisionTransformer(new VitConfig(32, 8, 16, 2, 4, 64, 12), ip);
            ip.checkStrict();
            SliceBatch batch = new ViewSlicer(EvalVolumes.prepare(TestScans.chestPhantom(1)), View.SAGITTAL, 3).next();
            try (BiomedClipScorer scorer = new BiomedClipScorer(image, text, tok, m)) {
                float[] got = scorer.cosines("chest", batch);
                assertArrayEquals(got, scorer.cosines("chest", batch), "text embedding cached, same answer");

                float[] unit = batch.data().clone();
                int plane = batch.rows() * batch.cols();
                for (int i = 0; i < unit.length; i++) {
                    unit[i] += ViewSlicer.CHANNEL_MEANS[(i / plane) % 3];
                }
                float[] img = image.embed(ClipImageInput.prepare(m.create(unit, new Shape(batch.shape())), 32)).toFloatArray();
                long[] ids = tok.encode("chest").inputIds();
                float[] txt = text.forward(m.create(ids, new Shape(1, ids.length))).embedding().toFloatArray();
                for (int s = 0; s < 3; s++) {
                    double dot = 0;
                    double ni = 0;
                    double nt = 0;
                    for (int k = 0; k < 12; k++) {
                        dot += img[s * 12 + k] * txt[k];
                        ni += img[s * 12 + k] * img[s * 12 + k];
                        nt += txt[k] * txt[k];
                    }
                    double want = dot / Math.sqrt(ni * nt);
                    assertEquals(want, got[s], 1e-5);
                    assertTrue(Math.abs(got[s]) <= 1.00001);
                }
            }
        }
    }
}
