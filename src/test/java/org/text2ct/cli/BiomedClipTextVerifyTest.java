package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.text2ct.TestFixtures;

/** {@code verify --kind biomedclip-text} as a user runs it, on both text-tower fixtures. */
class BiomedClipTextVerifyTest {
    @ParameterizedTest
    @ValueSource(strings = {"biomedclip_text_mlp_tiny", "biomedclip_text_linear_tiny"})
    void fixturePasses(String name) {
        VerifyCommandTest.Run r = VerifyCommandTest.run("verify", "--kind", "biomedclip-text", "--device", "cpu",
                "--weights", TestFixtures.path(name + ".weights.safetensors").toString(),
                "--io", TestFixtures.path(name + ".io.safetensors").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("text_embedding "), r.out());
        assertEquals("verify: 3 passed, 0 failed", r.lastLine());
    }
}
