package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.NiftiWriter;
import org.text2ct.volume.Orientation;
import org.text2ct.volume.VolumeFiles;

/** {@code preprocess} as a user runs it: formats by extension, options, refusal to overwrite, one-line errors. */
class PreprocessCommandTest {
    @TempDir
    Path dir;

    private Path lpsInput() throws Exception {
        CtVolume v = CtVolume.filled(10, 8, 4, -1000f, new double[] {1, 1, 2}, new double[] {30, 20, 10}, Orientation.directionOf("LPS"));
        v.set(6, 4, 2, 2500);
        v.set(5, 4, 2, 100);
        Path f = dir.resolve("in.nii.gz");
        NiftiWriter.write(v, f);
        return f;
    }

    @Test
    void preprocessesToRasSpacingAndSize() throws Exception {
        Path out = dir.resolve("out.mha");
        String[] r = InfoCommandTest.run("preprocess", lpsInput().toString(), out.toString(), "--spacing", "0.5,0.5,2", "--size", "24,20,6");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("24 x 20 x 6"), r[1]);
        JsonObject o = InfoCommandTest.info(out);
        assertEquals("RAS", o.get("orientation").getAsString());
        assertEquals("[24,20,6]", o.get("size").toString());
        assertEquals("[0.5,0.5,2.0]", o.get("spacing").toString());
        assertEquals(-1000, o.get("hu_min").getAsDouble());
        assertEquals(1000, o.get("hu_max").getAsDouble(), "clipped to 1000 HU");
    }

    @Test
    void unitRangeOutput() throws Exception {
        Path out = dir.resolve("unit.nii");
        assertEquals("0", InfoCommandTest.run("preprocess", lpsInput().toString(), out.toString(), "--unit-range")[0]);
        CtVolume v = VolumeFiles.read(out);
        assertArrayEquals(new int[] {10, 8, 4}, v.size());
        JsonObject o = InfoCommandTest.info(out);
        assertEquals(0, o.get("hu_min").getAsDouble());
        assertEquals(1, o.get("hu_max").getAsDouble());
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        Path in = lpsInput();
        Path out = dir.resolve("o.nii");
        assertEquals("0", InfoCommandTest.run("preprocess", in.toString(), out.toString())[0]);
        String[] again = InfoCommandTest.run("preprocess", in.toString(), out.toString());
        assertTrue(Integer.parseInt(again[0]) != 0);
        assertEquals(1, again[2].strip().lines().count(), again[2]);
        assertTrue(again[2].contains("already exists"), again[2]);
        assertEquals("0", InfoCommandTest.run("preprocess", in.toString(), out.toString(), "--overwrite")[0]);
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        Path in = lpsInput();
        for (String[] args : new String[][] {
            {"--spacing", "1,0,1"}, {"--spacing", "1,1"}, {"--size", "10,10,2.5"}, {"--size", "a,b,c"}}) {
            String[] r = InfoCommandTest.run("preprocess", in.toString(), dir.resolve("x.nii").toString(), args[0], args[1]);
            assertTrue(Integer.parseInt(r[0]) != 0, String.join(" ", args));
            assertEquals(1, r[2].strip().lines().count(), r[2]);
            assertTrue(r[2].contains(args[0]), r[2]);
        }
        String[] r = InfoCommandTest.run("preprocess", in.toString(), dir.resolve("x.png").toString());
        assertTrue(r[2].contains("unknown volume format"), r[2]);
    }
}
