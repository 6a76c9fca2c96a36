package org.text2ct.pipeline.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.diffusion.RectifiedFlowScheduler;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.nn.Engines;
import org.text2ct.weights.Sha256;

class ModelPackageTest {
    @TempDir
    Path tmp;
    Path t5;
    Path dir;

    @BeforeEach
    void writePackage() throws Exception {
        t5 = TestPackages.t5Folder(tmp.resolve("t5"));
        dir = tmp.resolve("pkg");
        TestPackages.write(dir, t5, m -> m);
    }

    @Test
    void opensVerifiesAndLoadsNetworksStrictly() throws Exception {
        ModelPackage p = ModelPackage.open(dir);
        ModelManifest m = p.manifest();
        assertEquals("tiny", m.name());
        assertEquals(1.0287, m.latentScaleFactor());
        assertEquals(30, m.scheduler().numInferenceSteps());
        assertEquals(Sha256.of(dir.resolve("unet.safetensors")), m.unet().sha256());
        assertEquals(Sha256.of(dir.resolve("tokenizer.json")), m.textEncoder().tokenizer().sha256());
        assertArrayEquals(new int[] {32, 32, 48}, m.output().size());
        assertInstanceOf(RectifiedFlowScheduler.class, p.scheduler());
        assertEquals(dir.resolve("text_encoder.safetensors"), p.textEncoderWeights().orElseThrow());
        assertTrue(Files.readString(dir.resolve("model.json")).contains("\n  \"format_version\": 1,\n"),
                "model.json is pretty-printed");
        try (NDManager nd = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch")) {
            MaisiVae vae = p.loadVae(nd);
            MaisiUnet unet = p.loadUnet(nd);
            assertEquals(4, vae.config().latentChannels());
            assertEquals(12, unet.config().crossAttentionDim());
        }
    }

    @Test
    void oneFlippedByteIsASha256ErrorNamingTheFile() throws Exception {
        ModelPackage.open(dir);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("unet.safetensors").toFile(), "rw")) {
            f.seek(5000);
            int b = f.read();
            f.seek(5000);
            f.write(b ^ 0x01);
        }
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("unet.safetensors") + ": SHA-256 mismatch: model.json's "
                + "unet.sha256 is "), e.getMessage());
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Files.delete(dir.resolve("tokenizer.json"));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(dir));
        assertEquals(dir.resolve("tokenizer.json") + ": missing; model.json's text_encoder.tokenizer.sha256 names it;"
                + " copy the whole package folder again", e.getMessage());
    }

    @Test
    void folderWithoutManifestIsNotAPackage() {
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(t5));
        assertTrue(e.getMessage().contains("no model.json here"), e.getMessage());
    }

    @Test
    void writerRefusesAnExistingPackageUnlessToldToOverwrite() throws Exception {
        String before = Files.readString(dir.resolve("model.json"));
        assertThrows(FileAlreadyExistsException.class, () -> TestPackages.write(dir, t5, m -> m));
        assertEquals(before, Files.readString(dir.resolve("model.json")));
        ModelManifest renamed = TestPackages.manifest(t5);
        renamed = new ModelManifest(1, "renamed", "", renamed.autoencoder(), renamed.unet(), renamed.textEncoder(),
                renamed.scheduler(), renamed.guidance(), 1.0, renamed.output(), renamed.conditioning(), "{prompt}", null);
        ModelPackage p = ModelPackageWriter.write(dir, renamed, TestPackages.sources(t5), true);
        assertEquals("renamed", p.manifest().name());
        assertEquals("renamed", ModelPackage.open(dir).manifest().name());
        assertEquals(0, hiddenEntries(), "no temporary or old folder is left");
    }

    @Test
    void outputSizeMustDivideByTheNetworksFactors() throws Exception {
        Path bad = tmp.resolve("bad");
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> TestPackages.write(bad, t5,
                m -> new ModelManifest(1, m.name(), "", m.autoencoder(), m.unet(), m.textEncoder(), m.scheduler(),
                        m.guidance(), 1.0, new ModelManifest.Output(new int[] {32, 24, 48}, new double[] {1, 1, 1}),
                        m.conditioning(), "{prompt}", null)));
        assertEquals("model.json: output.size [32, 24, 48] must be multiples of 16 (the autoencoder's factor 4 times"
                + " 2^2 for the UNet's downsamplings)", e.getMessage());
        assertFalse(Files.exists(bad), "a failed write leaves no package");
        assertEquals(0, hiddenEntries(), "and no temporary folder");
    }

    @Test
    void textEncoderWidthMustMatchCrossAttention() throws Exception {
        Path wide = TestPackages.t5Folder(tmp.resolve("t5wide"));
        com.google.gson.JsonObject config = com.google.gson.JsonParser.parseString(
                Files.readString(wide.resolve("config.json"))).getAsJsonObject();
        config.addProperty("d_model", 16);
        Files.writeString(wide.resolve("config.json"), config.toString());
        ModelPackageException e = assertThrows(ModelPackageException.class,
                () -> TestPackages.write(tmp.resolve("bad"), wide, m -> m));
        assertEquals("model.json: text_encoder.config d_model 16 must equal unet.config cross_attention_dim 12;"
                + " the UNet was trained with another text encoder", e.getMessage());
    }

    @Test
    void biomedclipWidthIsItsProjectionDim() throws Exception {
        ModelManifest.TextEncoderEntry t5Entry = TestPackages.manifest(t5).textEncoder();
        com.google.gson.JsonObject clip = new com.google.gson.JsonObject();
        clip.addProperty("hidden_size", 768);
        ModelManifest.TextEncoderEntry clipEntry = new ModelManifest.TextEncoderEntry(
                ModelManifest.TextEncoderType.BIOMEDCLIP, t5Entry.file(), null, clip, t5Entry.tokenizer());
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> TestPackages.write(
                tmp.resolve("bad"), t5, m -> withText(m, clipEntry)));
        assertEquals("model.json: text_encoder.config has no projection_dim; copy the encoder's config.json",
                e.getMessage());
        clip.addProperty("projection_dim", 12);
        assertEquals(ModelManifest.TextEncoderType.BIOMEDCLIP, TestPackages.write(tmp.resolve("clip"), t5,
                m -> withText(m, clipEntry)).manifest().textEncoder().type());
    }

    private static ModelManifest withText(ModelManifest m, ModelManifest.TextEncoderEntry text) {
        return new ModelManifest(1, m.name(), "", m.autoencoder(), m.unet(), text, m.scheduler(), m.guidance(),
                1.0, m.output(), m.conditioning(), "{prompt}", null);
    }

    @Test
    void invalidSchedulerConfigNamesTheField() throws Exception {
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> TestPackages.write(
                tmp.resolve("bad"), t5, m -> new ModelManifest(1, m.name(), "", m.autoencoder(), m.unet(),
                        m.textEncoder(), new ModelManifest.SchedulerEntry(ModelManifest.SchedulerType.RECTIFIED_FLOW,
                                com.google.gson.JsonParser.parseString("{\"num_train_timesteps\":0}").getAsJsonObject(),
                                30), m.guidance(), 1.0, m.output(), m.conditioning(), "{prompt}", null)));
        assertTrue(e.getMessage().startsWith("model.json: scheduler.config is not a valid MONAI rectified_flow scheduler"
                + " config: num_train_timesteps must lie in 1..65504, got 0"), e.getMessage());
    }

    @Test
    void unetMustTakeTheAutoencodersLatents() throws Exception {
        ModelManifest m = TestPackages.manifest(t5);
        m.unet().config().addProperty("in_channels", 3);
        ModelPackageException e = assertThrows(ModelPackageException.class,
                () -> ModelPackageWriter.write(tmp.resolve("bad"), m, TestPackages.sources(t5), false));
        assertTrue(e.getMessage().startsWith("model.json: unet.config in_channels 3 and out_channels 4 must both equal"
                + " autoencoder.config latent_channels 4"), e.getMessage());
    }

    private long hiddenEntries() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }
}
