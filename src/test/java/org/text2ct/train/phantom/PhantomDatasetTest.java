package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomDatasetTest {

    private static final PhantomGrid GRID = new PhantomGrid(64, 64, 32, 6, 6, 10);

    @Test
    void writesVolumesReportsJsonAndCsv(@TempDir Path dir) throws IOException {
        List<Integer> progress = new ArrayList<>();
        List<PhantomDataset.Entry> entries = PhantomDataset.write(dir, 3, 21, GRID, new RawVolumeSink(dir), progress::add, () -> false);
        assertEquals(List.of(1, 2, 3), progress);

        JsonArray json = JsonParser.parseString(Files.readString(dir.resolve(PhantomDataset.REPORTS_JSON))).getAsJsonArray();
        assertEquals(3, json.size());
        JsonObject first = json.get(0).getAsJsonObject();
        assertEquals("phantom_00000", first.get("case_id").getAsString());
        assertEquals("phantom_00000.raw", first.get("file").getAsString());
        for (String key : List.of("description", "demographics", "findings", "impressions")) {
            assertTrue(first.getAsJsonObject("sections").get(key).getAsString().length() > 5, key);
            assertEquals(ReportWriter.PARAPHRASES, first.getAsJsonObject("augmented").getAsJsonArray(key).size(), key);
        }
        int findings = 0;
        for (var e : json) {
            for (var f : e.getAsJsonObject().getAsJsonObject("labels").getAsJsonArray("findings")) {
                boolean nodule = f.getAsJsonObject().get("type").getAsString().endsWith("nodule");
                assertEquals(nodule, f.getAsJsonObject().has("size_mm"), f.toString());
                findings++;
            }
        }
        assertTrue(findings > 0, "seed 21 should draw some findings");
        JsonObject patient = first.getAsJsonObject("labels").getAsJsonObject("patient");
        assertEquals(entries.get(0).labels().patient().age(), patient.get("age").getAsInt());
        assertTrue(first.getAsJsonObject("sections").get("demographics").getAsString().contains(patient.get("age").getAsString()));

        float[] hu = RawVolumeSink.read(dir.resolve("phantom_00001.raw"));
        assertEquals(GRID.size(), hu.length);
        JsonObject sidecar = JsonParser.parseString(Files.readString(dir.resolve("phantom_00001.json"))).getAsJsonObject();
        assertEquals("[64,64,32]", sidecar.get("size").toString());
        assertEquals("RAS", sidecar.get("orientation").getAsString());
        assertEquals("[6.0,6.0,10.0]", sidecar.get("spacing_mm").toString());

        List<String> csv = Files.readAllLines(dir.resolve(PhantomDataset.REPORTS_CSV));
        assertEquals(4, csv.size());
        assertEquals("case_id,file,report", csv.get(0));
        assertTrue(csv.get(3).startsWith("\"phantom_00002\",\"phantom_00002.raw\",\"DESCRIPTION: "), csv.get(3));
    }

    @Test
    void sameSeedSameDataset(@TempDir Path a, @TempDir Path b) throws IOException {
        PhantomDataset.write(a, 2, 5, GRID, new RawVolumeSink(a), i -> { }, () -> false);
        PhantomDataset.write(b, 2, 5, GRID, new RawVolumeSink(b), i -> { }, () -> false);
        assertEquals(Files.readString(a.resolve(PhantomDataset.REPORTS_JSON)), Files.readString(b.resolve(PhantomDataset.REPORTS_JSON)));
        assertArrayEquals(Files.readAllBytes(a.resolve("phantom_00001.raw")), Files.readAllBytes(b.resolve("phantom_00001.raw")));
    }

    @Test
    void mirrorPairsShowOnePatientWithTheFindingsOnTheOtherSide(@TempDir Path dir) throws IOException {
        List<PhantomDataset.Entry> e = PhantomDataset.write(dir, 8, 4, true, GRID, new RawVolumeSink(dir), i -> { },
                () -> false);
        int sided = 0;
        int unsided = 0;
        for (int k = 0; k < 8; k += 2) {
            PhantomDataset.Entry a = e.get(k);
            PhantomDataset.Entry b = e.get(k + 1);
            assertEquals(b.caseId(), a.twin());
            assertEquals(a.caseId(), b.twin());
            assertEquals(a.labels().mirrored(), b.labels());
            assertEquals(a.sections().demographics(), b.sections().demographics());
            boolean same = Arrays.equals(RawVolumeSink.read(dir.resolve(a.file())), RawVolumeSink.read(dir.resolve(b.file())));
            if (a.labels().equals(b.labels())) {
                assertTrue(same, "a twin without sided findings is the same volume");
                assertEquals(a.sections(), b.sections());
                unsided++;
            } else {
                assertFalse(same);
                assertEquals(swapSides(a.sections().findings()), b.sections().findings());
                sided++;
            }
        }
        assertTrue(sided > 0 && unsided > 0, "seed 4 should draw both kinds: " + sided + " sided, " + unsided + " not");
        String json = Files.readString(dir.resolve(PhantomDataset.REPORTS_JSON));
        assertTrue(json.contains("\"twin\": \"phantom_00001\""), json.substring(0, 200));
        assertThrows(IllegalArgumentException.class,
                () -> PhantomDataset.write(dir, 3, 1, true, GRID, new RawVolumeSink(dir), i -> { }, () -> false));
    }

    /** Valid for reports without a middle lobe finding, which moves to the upper lobe when mirrored. */
    private static String swapSides(String text) {
        return text.replace("left", "LEFT").replace("right", "left").replace("LEFT", "right")
                .replace("Left", "LEFT").replace("Right", "Left").replace("LEFT", "Right");
    }

    @Test
    void rejectsNoCasesAndHonoursCancel(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class,
                () -> PhantomDataset.write(dir, 0, 1, GRID, new RawVolumeSink(dir), i -> { }, () -> false));
        int[] calls = {0};
        assertThrows(CancellationException.class,
                () -> PhantomDataset.write(dir, 5, 1, GRID, new RawVolumeSink(dir), i -> { }, () -> calls[0]++ >= 2));
        assertTrue(Files.exists(dir.resolve("phantom_00001.raw")) && !Files.exists(dir.resolve("phantom_00002.raw")));
    }

    @Test
    void csvQuotesQuotes() {
        assertEquals("\"say \"\"hi\"\", ok\"", PhantomDataset.csv("say \"hi\", ok"));
    }

    @Test
    void rawSinkRejectsMismatchedSizes(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class,
                () -> new RawVolumeSink(dir).write("x", new float[10], 2, 2, 2, new double[] {1, 1, 1}));
    }
}
