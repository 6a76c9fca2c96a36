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
    void unknownWhatIsRefused() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("bench", "--what", "train", "--latent", "4,4,4");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("vae-decode, unet or pipeline"), r.err());
    }
}
