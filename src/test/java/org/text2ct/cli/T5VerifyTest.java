package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.text2ct.TestFixtures;

/** {@code verify --kind t5} as a user runs it, on both T5 fixtures. */
class T5VerifyTest {
    @ParameterizedTest
    @ValueSource(strings = {"t5_relu_tiny", "t5_gated_tiny"})
    void fixturePasses(String name) {
        VerifyCommandTest.Run r = VerifyCommandTest.run("verify", "--kind", "t5", "--device", "cpu",
                "--weights", TestFixtures.path(name + ".weights.safetensors").toString(),
                "--io", TestFixtures.path(name + ".io.safetensors").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("last_hidden_state (unpadded rows) "), r.out());
        assertEquals("verify: 1 passed, 0 failed", r.lastLine());
    }

    @Test
    void unetWeightsAreRefusedWithMissingKeys() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("verify", "--kind", "t5",
                "--weights", TestFixtures.path("maisi_unet_text_tiny.weights.safetensors").toString(),
                "--io", TestFixtures.path("t5_relu_tiny.io.safetensors").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
    }
}
