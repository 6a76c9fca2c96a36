package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.volume.NiftiTestFiles;

/** {@code info --json} on NIfTI files built field by field: geometry methods, orientations, scaling, datatypes. */
public class InfoCommandTest {
    @TempDir
    Path dir;

    /** Runs the CLI and returns {exit code, stdout, stderr}. */
    public static String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    public static JsonObject info(Path file) {
        String[] r = run("info", "--json", file.toString());
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].strip().split("\n");
        assertEquals(1, lines.length, "exactly one JSON line: " + r[1]);
        JsonObject o = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals(java.util.Set.of("size", "spacing", "orientation", "hu_min", "hu_max", "hu_mean"), o.keySet());
        return o;
    }

    private static void assertInfo(JsonObject o, int[] size, double[] spacing, String code, double min, double max, double mean) {
        for (int i = 0; i < 3; i++) {
            assertEquals(size[i], o.getAsJsonArray("size").get(i).getAsInt(), "size " + i);
            assertEquals(spacing[i], o.getAsJsonArray("spacing").get(i).getAsDouble(), 1e-6, "spacing " + i);
        }
        assertEquals(code, o.get("orientation").getAsString());
        assertEquals(min, o.get("hu_min").getAsDouble(), 1e-6);
        assertEquals(max, o.get("hu_max").getAsDouble(), 1e-6);
        assertEquals(mean, o.get("hu_mean").getAsDouble(), 1e-6);
    }

    @Test
    void qformOnlyRasWithSlope() throws Exception {
        Path f = NiftiTestFiles.qformOnly(dir.resolve("q.nii"), new double[] {0, 0, 0}, 1, 4, 2.0, -1000);
        assertInfo(info(f), new int[] {2, 3, 4}, new double[] {0.8, 0.9, 2.5}, "RAS", -1000, -954, -977);
    }

    @Test
    void qformOnlyLpsIsARotationAboutZ() throws Exception {
        Path f = NiftiTestFiles.qformOnly(dir.resolve("q.nii"), new double[] {0, 0, 1}, 1, 4, 1, 0);
        assertInfo(info(f), new int[] {2, 3, 4}, new double[] {0.8, 0.9, 2.5}, "LPS", 0, 23, 11.5);
    }

    @Test
    void qfacMinusOneFlipsTheThirdAxis() throws Exception {
        Path f = NiftiTestFiles.qformOnly(dir.resolve("q.nii.gz"), new double[] {0, 0, 0}, -1, 4, 1, 0);
        assertInfo(info(f), new int[] {2, 3, 4}, new double[] {0.8, 0.9, 2.5}, "RAI", 0, 23, 11.5);
    }

    @Test
    void sformOnlyLps() throws Exception {
        Path f = NiftiTestFiles.sformOnly(dir.resolve("s.nii"), new double[][] {{-0.5, 0, 0, 10}, {0, -0.7, 0, 20}, {0, 0, 3, -5}});
        assertInfo(info(f), new int[] {2, 3, 4}, new double[] {0.5, 0.7, 3}, "LPS", 0, 23, 11.5);
    }

    @Test
    void sformWinsOverQform() throws Exception {
        Path f = NiftiTestFiles.both(dir.resolve("b.nii"));
        assertInfo(info(f), new int[] {2, 3, 4}, new double[] {1, 2, 3}, "PSR", 0, 23, 11.5);
    }

    @Test
    void slopeZeroMeansNoScaling() throws Exception {
        Path f = NiftiTestFiles.qformOnly(dir.resolve("z.nii"), new double[] {0, 0, 0}, 1, 4, 0, 500);
        assertInfo(info(f), new int[] {2, 3, 4}, new double[] {0.8, 0.9, 2.5}, "RAS", 0, 23, 11.5);
    }

    @Test
    void everyDatatypeKeepsItsValues() throws Exception {
        int[] codes = {2, 256, 4, 512, 8, 16, 64};
        double[][] extremes = {{0, 255}, {-128, 127}, {-32768, 32767}, {0, 65535}, {-2_000_000_000, 2_000_000_000}, {-1.5e6, 3.25}, {-1099511627776.0, 0.0625}};
        for (int i = 0; i < codes.length; i++) {
            Path f = NiftiTestFiles.datatype(dir.resolve("t" + codes[i] + ".nii"), codes[i], extremes[i][0], extremes[i][1]);
            JsonObject o = info(f);
            assertEquals(extremes[i][0], o.get("hu_min").getAsDouble(), 0, "datatype " + codes[i]);
            assertEquals(extremes[i][1], o.get("hu_max").getAsDouble(), 0, "datatype " + codes[i]);
            assertEquals((extremes[i][0] + extremes[i][1]) / 24, o.get("hu_mean").getAsDouble(), 1e-3, "datatype " + codes[i]);
        }
    }

    @Test
    void metresBecomeMillimetres() throws Exception {
        Path f = NiftiTestFiles.metres(dir.resolve("m.nii"));
        assertInfo(info(f), new int[] {2, 3, 4}, new double[] {1, 2, 3}, "RAS", 0, 23, 11.5);
    }

    @Test
    void textOutputNamesTheOrientation() throws Exception {
        Path f = NiftiTestFiles.sformOnly(dir.resolve("s.nii"), new double[][] {{-0.5, 0, 0, 10}, {0, -0.7, 0, 20}, {0, 0, 3, -5}});
        String[] r = run("info", f.toString());
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("orientation: LPS"), r[1]);
        assertTrue(r[1].contains("2 x 3 x 4"), r[1]);
    }

    @Test
    void brokenFileGivesOneLineAndNonZeroExit() throws Exception {
        Path f = java.nio.file.Files.write(dir.resolve("bad.nii"), new byte[400]);
        String[] r = run("info", "--json", f.toString());
        assertTrue(Integer.parseInt(r[0]) != 0);
        assertEquals("", r[1]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains("bad.nii") && r[2].contains("sizeof_hdr"), r[2]);
    }

    @Test
    void missingFileAndUnknownExtensionAreErrors() {
        String[] r = run("info", dir.resolve("none.nii").toString());
        assertTrue(Integer.parseInt(r[0]) != 0);
        assertTrue(r[2].contains("no such file"), r[2]);
        r = run("info", dir.toString() + "/x.png");
        assertTrue(Integer.parseInt(r[0]) != 0);
    }
}
