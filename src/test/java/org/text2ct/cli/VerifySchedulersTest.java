package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.text2ct.weights.SafeTensorsFile;

/** {@code verify --kind schedulers} on the fixture: every output tensor is checked and passes. */
class VerifySchedulersTest {
    private static final int INPUT_TENSORS = 4;

    @Test
    void verifiesEveryTensorOfTheFixture() throws Exception {
        URL url = VerifySchedulersTest.class.getResource("/fixtures/schedulers.safetensors");
        Path fixture = Path.of(url.toURI());
        int outputs;
        try (SafeTensorsFile file = SafeTensorsFile.open(fixture)) {
            outputs = file.keys().size() - INPUT_TENSORS;
        }

        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run("verify", "--kind", "schedulers", "--io", fixture.toString(), "--tolerance", "1e-6");
        } finally {
            System.setOut(console);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        console.println(String.join(System.lineSeparator(), lines));

        assertEquals(0, exit);
        assertEquals(outputs + 1, lines.size());
        assertFalse(lines.stream().anyMatch(line -> line.endsWith("FAIL")));
        assertEquals("verify: " + outputs + " passed, 0 failed", lines.get(lines.size() - 1));
    }
}
