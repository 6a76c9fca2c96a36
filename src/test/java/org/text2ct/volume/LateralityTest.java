package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A marker in the patient's LEFT lung, written and re-read through every writer and reader,
 * must appear on the screen's RIGHT of the radiological axial view. Catches flips that
 * round-trip tests of one format miss (a reader and writer with the same sign error agree).
 */
class LateralityTest {
    private static final float MARKER = 500f;

    @TempDir
    Path dir;

    /**
     * A 20×16×6 RAS volume of air, 1 mm voxels, centred on world x = 0, with a marker at world
     * x = −6.5 mm — the patient's LEFT, as RAS x grows towards the patient's right — and
     * y = +3.5 mm (anterior).
     */
    private static CtVolume markedLeft() {
        CtVolume v = CtVolume.filled(20, 16, 6, -1000f, new double[] {1, 1, 2}, new double[] {-9.5, -7.5, 0}, Orientation.directionOf("RAS"));
        v.set(3, 11, 2, MARKER);
        double[] world = v.toWorld(3, 11, 2);
        assertTrue(world[0] < 0, "marker must be on the patient's left (RAS x < 0)");
        return v;
    }

    /** {row, column} of the marker in the radiological axial view of slice 2. */
    private static int[] markerOnScreen(CtVolume v) {
        float[][] image = RadiologicalView.axial(v, 2);
        for (int r = 0; r < image.length; r++) {
            for (int c = 0; c < image[r].length; c++) {
                if (image[r][c] == MARKER) {
                    return new int[] {r, c};
                }
            }
        }
        throw new AssertionError("marker lost");
    }

    private static void assertOnScreenRight(CtVolume v, String how) {
        int[] rc = markerOnScreen(v);
        float[][] image = RadiologicalView.axial(v, 2);
        int columns = image[0].length;
        assertTrue(rc[1] >= columns / 2, how + ": marker at column " + rc[1] + " of " + columns + ", expected the right half");
        assertEquals(20, columns, how);
        assertEquals(4, rc[0], how + ": 3.5 mm anterior of centre is row 4 (anterior at the top)");
        assertEquals(16, rc[1], how + ": 6.5 mm left of centre is column 16 of 20");
    }

    @Test
    void theViewDefinitionItself() {
        assertOnScreenRight(markedLeft(), "in memory (RAS)");
        assertOnScreenRight(Orientation.reorient(markedLeft(), "LPS"), "in memory (LPS)");
        assertOnScreenRight(Orientation.reorient(markedLeft(), "PIL"), "in memory (PIL)");
    }

    @Test
    void niftiRas() throws Exception {
        Path f = dir.resolve("ras.nii.gz");
        NiftiWriter.write(markedLeft(), f);
        assertEquals("RAS", NiftiReader.read(f).orientationCode());
        assertOnScreenRight(NiftiReader.read(f), "NIfTI RAS");
    }

    @Test
    void niftiLpsSform() throws Exception {
        Path f = dir.resolve("lps.nii");
        NiftiWriter.write(Orientation.reorient(markedLeft(), "LPS"), f);
        NiftiReader.Result r = NiftiReader.readWithHeader(f);
        assertEquals(NiftiGeometry.Method.SFORM, r.geometry().method());
        assertTrue(r.header().srow()[0][0] < 0, "LPS sform has a negative x step");
        assertEquals("LPS", r.volume().orientationCode());
        assertOnScreenRight(r.volume(), "NIfTI LPS sform");
    }

    @Test
    void metaImage() throws Exception {
        for (String name : new String[] {"m.mha", "m.mhd"}) {
            MetaImageWriter.write(Orientation.reorient(markedLeft(), "LPS"), dir.resolve(name), VoxelType.INT16, false);
            assertOnScreenRight(MetaImageReader.read(dir.resolve(name)), "MetaImage " + name);
        }
        MetaImageWriter.write(markedLeft(), dir.resolve("ras.mha"), VoxelType.FLOAT32, false);
        assertOnScreenRight(MetaImageReader.read(dir.resolve("ras.mha")), "MetaImage from RAS");
    }

    @Test
    void dicomSeries() throws Exception {
        CtVolume lps = Orientation.reorient(markedLeft(), "LPS");
        Path series = Files.createDirectory(dir.resolve("series"));
        for (int z = 0; z < lps.nz(); z++) {
            MinimalDicom.writeSlice(lps, z, series, "IM" + z);
        }
        CtVolume back = DicomSeriesReader.read(series);
        assertEquals("LPS", back.orientationCode());
        assertOnScreenRight(back, "DICOM series");
    }
}
