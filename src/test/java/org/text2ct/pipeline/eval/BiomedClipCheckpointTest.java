package org.text2ct.pipeline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.TestFixtures;
import org.text2ct.eval.SliceBatch;
import org.text2ct.eval.View;
import org.text2ct.eval.ViewSlicer;
import org.text2ct.model.features.VisionTransformer;
import org.text2ct.model.features.VitConfig;
import org.text2ct.model.text.BiomedClipTextConfig;
import org.text2ct.model.text.BiomedClipTextTower;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.StateDictMismatchException;
import org.text2ct.text.TextTokenizer;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.Sha256;
import org.text2ct.weights.TensorData;
import org.text2ct.weights.WeightFileException;

/** A BiomedCLIP folder in open_clip's layout scores as the towers built from the fixtures do; bad folders say what is wrong. */
class BiomedClipCheckpointTest {
    static final String CPU = "cpu";
    static final String[] PROMPTS = {"chest", "nodule in the left lung", ""};

    @TempDir
    Path dir;

    @Test
    void binFolderScoresAsTheFixtureTowers() throws Exception {
        try (BiomedClipScorer folder = BiomedClipCheckpoint.open(TinyClipFolder.path(), null, CPU);
                BiomedClipScorer fixtures = fixtureScorer()) {
            assertSameCosines(fixtures, folder);
        }
    }

    @Test
    void safetensorsFolderScoresTheSameAndTheChecksumIsChecked() throws Exception {
        Path st = TinyClipFolder.asSafetensors(dir, t -> { });
        String sha = Sha256.of(st.resolve("open_clip_model.safetensors"));
        try (BiomedClipScorer folder = BiomedClipCheckpoint.open(st, sha.toUpperCase(), CPU);
                BiomedClipScorer fixtures = fixtureScorer()) {
            assertSameCosines(fixtures, folder);
        }
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> BiomedClipCheckpoint.open(st, "0".repeat(64), CPU));
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        Path noWeights = TinyClipFolder.copy(dir.resolve("a"));
        Files.delete(noWeights.resolve(TinyClipFolder.BIN));
        assertMessage(noWeights, "has no BiomedCLIP weights (open_clip_model.safetensors, "
                + "open_clip_pytorch_model.safetensors, open_clip_pytorch_model.bin)");

        Path vocabOnly = TinyClipFolder.copy(dir.resolve("b"));
        Files.move(vocabOnly.resolve("tokenizer.json"), vocabOnly.resolve("vocab.txt"));
        assertMessage(vocabOnly, "has vocab.txt but no tokenizer.json; add the tokenizer.json of PubMedBERT");

        Path noConfig = TinyClipFolder.copy(dir.resolve("c"));
        Files.delete(noConfig.resolve("open_clip_config.json"));
        assertMessage(noConfig, "has no open_clip_config.json");

        assertMessage(dir.resolve("nowhere"), "is not a folder");
    }

    @Test
    void wrongAndMisShapedKeysAreNamed() throws Exception {
        Path renamed = TinyClipFolder.asSafetensors(dir.resolve("a"),
                t -> t.put("visual.trunk.norm.gamma", t.remove("visual.trunk.norm.weight")));
        StateDictMismatchException e = assertThrows(StateDictMismatchException.class,
                () -> BiomedClipCheckpoint.open(renamed, null, CPU));
        assertEquals(List.of("visual.trunk.norm.weight"), e.missing());
        assertEquals(List.of("visual.trunk.norm.gamma"), e.unexpected());

        Path misShaped = TinyClipFolder.asSafetensors(dir.resolve("b"),
                t -> t.put("text.proj.weight", TensorData.ofFloats(new long[] {12, 15}, new float[180])));
        e = assertThrows(StateDictMismatchException.class, () -> BiomedClipCheckpoint.open(misShaped, null, CPU));
        assertEquals(List.of("text.proj.weight [12, 15] (expected [12, 16])"), e.mismatched());

        // Without the text model's config.json, PubMedBERT-base's sizes are expected.
        Path noBertConfig = TinyClipFolder.copy(dir.resolve("d"));
        Files.delete(noBertConfig.resolve(BiomedClipCheckpoint.BERT_CONFIG));
        e = assertThrows(StateDictMismatchException.class, () -> BiomedClipCheckpoint.open(noBertConfig, null, CPU));
        assertTrue(e.mismatched().contains("text.transformer.embeddings.word_embeddings.weight [30, 16] (expected [30522, 768])"),
                e.getMessage());

        Path noCls = TinyClipFolder.asSafetensors(dir.resolve("c"), t -> t.remove("visual.trunk.cls_token"));
        assertMessage(noCls, "has no visual.trunk.cls_token; this is not an open_clip BiomedCLIP state dict");
    }

    @Test
    void configProblemsAreNamed() throws Exception {
        assertMessage(editedConfig("a", c -> c.getAsJsonObject("model_cfg").remove("vision_cfg")),
                "model_cfg.vision_cfg is missing");
        assertMessage(editedConfig("b", c -> text(c).remove("context_length")),
                "model_cfg.text_cfg.context_length must be a positive integer, got null");
        assertMessage(editedConfig("c", c -> text(c).remove("hf_pooler_type")),
                "model_cfg.text_cfg.hf_pooler_type is missing");
        assertMessage(editedConfig("d", c -> text(c).addProperty("hf_pooler_type", "mean_pooler")),
                "hf_pooler_type 'mean_pooler' is not supported");
        assertMessage(editedConfig("e", c -> c.getAsJsonObject("model_cfg").getAsJsonObject("vision_cfg")
                .addProperty("timm_model_name", "resnet50")), "is not a timm ViT (vit_*)");
        // The older spelling of the text fields is read as the current one.
        Path older = editedConfig("f", c -> text(c).add("proj", text(c).remove("hf_proj_type")));
        BiomedClipCheckpoint.open(older, null, CPU).close();
    }

    private Path editedConfig(String name, Consumer<JsonObject> edit) throws IOException {
        Path copy = TinyClipFolder.copy(dir.resolve(name));
        Path file = copy.resolve(BiomedClipCheckpoint.CONFIG);
        JsonObject c = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(c);
        Files.writeString(file, c.toString());
        return copy;
    }

    private static JsonObject text(JsonObject config) {
        return config.getAsJsonObject("model_cfg").getAsJsonObject("text_cfg");
    }

    private static void assertMessage(Path folder, String expected) {
        Exception e = assertThrows(Exception.class, () -> BiomedClipCheckpoint.open(folder, null, CPU).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Cosines for every prompt and the first slices of every view of a phantom, within 1e-5 of the reference's largest. */
    private static void assertSameCosines(BiomedClipScorer expected, BiomedClipScorer actual) {
        for (View view : View.values()) {
            SliceBatch batch = new ViewSlicer(EvalVolumes.prepare(TestScans.chestPhantom(1)), view, 4).next();
            for (String prompt : PROMPTS) {
                float[] want = expected.cosines(prompt, batch);
                double err = TestFixtures.relativeError(actual.cosines(prompt, batch), want);
                assertTrue(err < 1e-5, view + " '" + prompt + "': relative error " + err);
            }
        }
    }

    /** The scorer built directly from the two tower fixtures, as BiomedClipScorerTest builds it. */
    private static BiomedClipScorer fixtureScorer() throws IOException {
        NDManager m = NDManager.newBaseManager(Engines.device(CPU), "PyTorch");
        try (SafeTensorsFile tw = SafeTensorsFile.open(TestFixtures.path("biomedclip_text_linear_tiny.weights.safetensors"));
                SafeTensorsFile iw = SafeTensorsFile.open(TestFixtures.path("biomedclip_image_tiny.weights.safetensors"))) {
            ParamStore tp = new ParamStore(tw, m);
            BiomedClipTextTower text = new BiomedClipTextTower(BiomedClipTextConfig.fromJson(tw.metadata().get("config")), tp);
            tp.checkStrict();
            ParamStore ip = new ParamStore(iw, m);
            VisionTransformer image = new VisionTransformer(new VitConfig(32, 8, 16, 2, 4, 64, 12), ip);
            ip.checkStrict();
            TextTokenizer tok = TextTokenizer.open(Path.of("src/test/resources/tokenizers/bert-wordpiece-tiny.json"), 16);
            return new BiomedClipScorer(image, text, tok, m);
        }
    }
}
