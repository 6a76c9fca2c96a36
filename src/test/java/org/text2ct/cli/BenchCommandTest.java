package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The bench command's output contract on a small latent (timings themselves are not asserted). */
class BenchCommandTest {
    @Test
    void jsonLineHasTheDocumentedKeys() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("bench", "--what", "vae-decode", "--latent", "4,4,4",
                "--splits", "2", "--warmup", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.lastLine()).getAsJsonObject();
        assertEquals("vae-decode", o.get("name").getAsString());
        assertEquals("4x4x4", o.get("latent").getAsString());
        assertEquals("2", o.get("splits").getAsString());
        assertTrue(o.get("seconds").getAsDouble() > 0);
        assertTrue(o.get("peak_mb").getAsLong() > 100, "peak resident memory includes the engine");
    }

    @Test
    void eachRequestedSplitCountIsItsOwnCase() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("bench", "--what", "vae-decode", "--latent", "4,4,4",
                "--splits", "1,3", "--warmup", "0", "--json");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertEquals("1", JsonParser.parseString(lines[0]).getAsJsonObject().get("splits").getAsString());
        assertEquals("3", JsonParser.parseString(lines[1]).getAsJsonObject().get("splits").getAsString());
    }

    @Test
    void pipelineReportsTheStepTheDecodeAndTheirTotal() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("bench", "--what", "pipeline", "--latent", "8,8,8",
                "--steps", "30", "--context-length", "8", "--splits", "2", "--warmup", "0", "--json");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length, r.out());
        JsonObject step = JsonParser.parseString(lines[0]).getAsJsonObject();
        JsonObject decode = JsonParser.parseString(lines[1]).getAsJsonObject();
        JsonObject total = JsonParser.parseString(lines[2]).getAsJsonObject();
        assertEquals("unet-forward-batch2", step.get("name").getAsString());
        assertEquals("vae-decode", decode.get("name").getAsString());
        assertEquals("pipeline-30-steps-guided", total.get("name").getAsString());
        // Each printed time is rounded to the millisecond; the step's rounding is multiplied by 30.
        assertEquals(30 * step.get("seconds").getAsDouble() + decode.get("seconds").getAsDouble(),
                total.get("seconds").getAsDouble(), 31 * 0.0005 + 1e-9);
        assertEquals(Math.max(step.get("peak_mb").getAsLong(), decode.get("peak_mb").getAsLong()),
                total.get("peak_mb").getAsLong());
    }

    @Test
    void pipelineTakesOneSplitCount() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("bench", "--what", "pipeline", "--latent", "8,8,8",
                "--splits", "2,4");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("one --splits value"), r.err());
    }

    @Test
    void unknownWhatIsRefused() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("bench", "--what", "train", "--latent", "4,4,4");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("vae-decode, unet or pipeline"), r.err());
    }
}
