package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.cli.VerifyCommandTest.Run;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.importers.ImportFixtures;
import org.text2ct.pipeline.importers.TinyT5Folder;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;

/** The import commands as a user runs them: three checkpoints in, one verified package out. */
class ImportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void importsEveryPartAndAssemblesAPackageThatLoadsStrictly() throws Exception {
        Path parts = tmp.resolve("parts");
        Run vae = VerifyCommandTest.run("import", "vae", ImportFixtures.path("vae_tiny_wrapped.pt").toString(),
                "--config", ImportFixtures.path("vae_tiny.config.json").toString(),
                "-o", parts.resolve("autoencoder.safetensors").toString());
        assertEquals(0, vae.code(), vae.err());
        assertTrue(vae.out().contains("(" + ImportFixtures.VAE_TENSORS + " tensors, strict load passed)"), vae.out());
        Run unet = VerifyCommandTest.run("import", "unet", ImportFixtures.path("unet_tiny.pt").toString(),
                "--config", ImportFixtures.path("unet_tiny.config.json").toString(),
                "-o", parts.resolve("unet.safetensors").toString());
        assertEquals(0, unet.code(), unet.err());
        assertTrue(unet.out().contains("scale_factor 1.028"), unet.out());
        Path hf = TinyT5Folder.write(tmp.resolve("t5-hf"), 12);
        Run t5 = VerifyCommandTest.run("import", "t5", hf.toString(), "-o", parts.toString());
        assertEquals(0, t5.code(), t5.err());
        assertTrue(t5.out().contains("20 encoder tensors kept, 2 decoder/LM-head tensors dropped"), t5.out());

        Path pkgDir = tmp.resolve("model");
        Run pkg = VerifyCommandTest.run("import", "package", "--name", "tiny", "--vae",
                parts.resolve("autoencoder.safetensors").toString(), "--unet", parts.resolve("unet.safetensors").toString(),
                "--text-encoder", parts.toString(), "--max-length", "32", "--size", "32,32,16",
                "--spacing", "1.5,1.5,3", "--class-label", "1", "-o", pkgDir.toString());
        assertEquals(0, pkg.code(), pkg.err());

        ModelPackage p = ModelPackage.open(pkgDir);
        ModelManifest m = p.manifest();
        assertEquals(1.0287, m.latentScaleFactor(), 1e-6);
        assertEquals(ModelManifest.SchedulerType.RECTIFIED_FLOW, m.scheduler().type());
        assertEquals(30, m.scheduler().numInferenceSteps());
        assertEquals(5.0, m.guidance().scale());
        assertEquals(1, m.conditioning().classLabel());
        assertTrue(m.conditioning().spacingInput(), "taken from the UNet's include_spacing_input");
        assertEquals(12, m.textEncoder().config().get("d_model").getAsInt());
        JsonObject provenance = m.provenance().getAsJsonObject();
        assertEquals("vae_tiny_wrapped.pt", provenance.getAsJsonObject("autoencoder").get("source").getAsString());
        assertEquals("model.safetensors", provenance.getAsJsonObject("text_encoder").get("source").getAsString());
        try (NDManager nd = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch")) {
            assertEquals(4, p.loadVae(nd).config().numChannels()[0]);
            assertEquals(2, p.loadUnet(nd).config().numChannels()[0]);
        }
        JsonObject json = JsonParser.parseString(Files.readString(pkgDir.resolve("model.json"))).getAsJsonObject();
        assertEquals(p.manifest().unet().sha256(), json.getAsJsonObject("unet").get("sha256").getAsString());

        Run again = VerifyCommandTest.run("import", "package", "--name", "other", "--vae",
                parts.resolve("autoencoder.safetensors").toString(), "--unet", parts.resolve("unet.safetensors").toString(),
                "--size", "32,32,16", "-o", pkgDir.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("pass --overwrite to replace it"), again.err());
        assertEquals("tiny", ModelPackage.open(pkgDir).manifest().name());
    }

    @Test
    void existingOutputIsRefusedWithExitCodeTwo() throws Exception {
        Path out = Files.writeString(tmp.resolve("unet.safetensors"), "keep");
        Run r = VerifyCommandTest.run("import", "unet", ImportFixtures.path("unet_tiny.pt").toString(),
                "--config", ImportFixtures.path("unet_tiny.config.json").toString(), "-o", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + out + ": already exists; pass --overwrite to replace it"), r.err());
        assertEquals("keep", Files.readString(out));
    }

    @Test
    void importAloneAsksWhatToImport() {
        Run r = VerifyCommandTest.run("import");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("name what to import: vae, unet, t5 or package"), r.err());
        assertFalse(r.err().isEmpty());
    }
}
