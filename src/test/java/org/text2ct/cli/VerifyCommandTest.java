package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.text2ct.TestFixtures;

/** The verify command as a user runs it: output lines, closing line and exit code. */
class VerifyCommandTest {
    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void vaeFixturePassesWithUnevenSplits() {
        Run r = run("verify", "--kind", "maisi-vae",
                "--weights", TestFixtures.path("maisi_vae_tiny.weights.safetensors").toString(),
                "--io", TestFixtures.path("maisi_vae_tiny.io.safetensors").toString(), "--splits", "5", "--split-dim", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("verify: 10 passed, 0 failed", r.lastLine());
        assertTrue(r.out().contains("decoded_splits3_dim1"), r.out());
    }

    @Test
    void unetFixturePasses() {
        Run r = run("verify", "--kind", "maisi-unet",
                "--weights", TestFixtures.path("text2ct_unet_tiny.weights.safetensors").toString(),
                "--io", TestFixtures.path("text2ct_unet_tiny.io.safetensors").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("output "), r.out());
        assertEquals("verify: 1 passed, 0 failed", r.lastLine());
    }

    @Test
    void guidedPipelineReproducesBothReferenceRuns() {
        Run r = run("verify", "--kind", "pipeline",
                "--weights", TestFixtures.path("text2ct_unet_tiny.weights.safetensors").toString(),
                "--vae", TestFixtures.path("maisi_vae_tiny.weights.safetensors").toString(),
                "--io", TestFixtures.path("text2ct_pipeline_tiny.io.safetensors").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("rflow_decoded") && r.out().contains("ddim_latent_after_step1"), r.out());
        assertEquals("verify: 8 passed, 0 failed", r.lastLine());
    }

    @Test
    void pipelineWithoutVaeSaysWhatIsMissing() {
        Run r = run("verify", "--kind", "pipeline",
                "--weights", TestFixtures.path("text2ct_unet_tiny.weights.safetensors").toString(),
                "--io", TestFixtures.path("text2ct_pipeline_tiny.io.safetensors").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--vae"), r.err());
    }

    @Test
    void impossibleToleranceFailsWithExitCodeOne() {
        Run r = run("verify", "--kind", "maisi-unet", "--tolerance", "1e-12",
                "--weights", TestFixtures.path("maisi_unet_text_tiny.weights.safetensors").toString(),
                "--io", TestFixtures.path("maisi_unet_text_tiny.io.safetensors").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("FAIL"), r.out());
        assertEquals("verify: 0 passed, 1 failed", r.lastLine());
    }

    @Test
    void wrongWeightsForTheIoFileAreReportedClearly() {
        Run r = run("verify", "--kind", "maisi-unet",
                "--weights", TestFixtures.path("maisi_vae_tiny.weights.safetensors").toString(),
                "--io", TestFixtures.path("maisi_unet_text_tiny.io.safetensors").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    void unknownKindIsAUsageError() {
        Run r = run("verify", "--kind", "resnet", "--io", "x.safetensors");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown kind 'resnet'"), r.err());
    }
}
