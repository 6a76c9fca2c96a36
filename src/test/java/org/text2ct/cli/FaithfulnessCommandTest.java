package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.pipeline.TinyModelPackage;

/** {@code faithfulness} end to end on the tiny test model (random weights, so only the mechanics are judged). */
class FaithfulnessCommandTest {
    @TempDir
    static Path shared;
    static Path model;

    @BeforeAll
    static void writePackage() throws Exception {
        model = TinyModelPackage.write(shared.resolve("tiny")).directory();
    }

    @Test
    void printsFindingAccuracyAndFidForGuidedAndUnguidedSets() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("faithfulness", "--model", model.toString(), "--n", "2",
                "--steps", "1", "--guidance", "3");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 held-back cases (case seed 7919), 1 steps; guided = scale 3.0"), r.out());
        assertTrue(r.out().contains("case 2/2 done"), r.out());
        // 32³ voxels of 6 mm are below what the detector resolves, so every volume counts as unreadable
        assertTrue(r.out().contains("volumes without two lungs                   2          2          2          2"), r.out());
        assertTrue(Pattern.compile("against the mirrored prompt( +n/a){4}\n").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("95 % interval \\(Wilson\\)( +n/a){4}\n").matcher(r.out()).find(), r.out());
        Matcher side = Pattern.compile("UNet side response \\((\\d+) prompts naming a side, first step\\): left/right "
                + "exchanged moves the prediction ([0-9.]+) of what the prompt does, (n/a|[0-9.]+%) of it "
                + "antisymmetric").matcher(r.out());
        assertTrue(side.find(), r.out());
        // Both held-back prompts of case seed 7919 name a side (SideResponseTest checks the figures).
        assertEquals("2", side.group(1));
        assertTrue(r.out().contains("nodules found (of 2)                     0.0%       0.0%       0.0%       0.0%"), r.out());
        Matcher fid = Pattern.compile("FID mean of 3 views \\(vae-latent:[^)]*\\)" + "\\s+([0-9.eE+-]+)".repeat(4))
                .matcher(r.out());
        assertTrue(fid.find(), r.out());
        // Other phantoms, phantoms via VAE, guided, unguided: none of the sets is the reference itself.
        for (int column = 1; column <= 4; column++) {
            assertTrue(Double.parseDouble(fid.group(column)) > 0, fid.group());
        }
        assertTrue(r.out().contains("(FID \"phantoms\" = 2 other phantoms, case seed 7920: the floor for 2 volumes)"),
                r.out());
    }

    @Test
    void refusesAGuidedSetWithoutGuidance() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("faithfulness", "--model", model.toString(), "--n", "2",
                "--guidance", "1");
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("guidance scale above 1"), r.err());
    }

    @Test
    void needsTwoCasesForFid() {
        VerifyCommandTest.Run r = VerifyCommandTest.run("faithfulness", "--model", model.toString(), "--n", "1");
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("at least 2 cases"), r.err());
    }
}
