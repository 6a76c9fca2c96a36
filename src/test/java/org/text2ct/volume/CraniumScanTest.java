package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.cli.InfoCommandTest;

/** A real head CT (InVesalius' Cranium.inv3) checked against its metadata and round-tripped through every writer. */
class CraniumScanTest {
    private static CraniumArchive.Scan scan;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        scan = CraniumArchive.read(RealScans.cranium());
    }

    @Test
    void matchesWhatThePlistStates() {
        CtVolume v = scan.volume();
        assertArrayEquals(new int[] {108, 256, 256}, scan.shapeZyx());
        assertArrayEquals(new int[] {256, 256, 108}, v.size());
        assertArrayEquals(new double[] {0.9570312, 0.9570312, 1.5}, v.spacing(), 1e-12);
        VolumeStats s = VolumeStats.of(v);
        // The plist's scalar_range is [-1024, 3033]: air is exactly its minimum, nothing exceeds its maximum.
        assertEquals(scan.scalarRange()[0], s.min());
        assertEquals(-1024, s.min());
        assertTrue(s.max() <= scan.scalarRange()[1]);
        // Max, mean and single voxels as numpy reads matrix.dat (int16, shape z,y,x).
        assertEquals(2986, s.max());
        assertEquals(-585.9552803039551, s.mean(), 1e-9);
        assertEquals(3f, v.get(128, 128, 54));
        assertEquals(-903f, v.get(50, 100, 10));
    }

    @Test
    void niftiRoundTripsAreExact() throws Exception {
        CtVolume v = scan.volume();
        Path f32 = dir.resolve("cranium.nii.gz");
        NiftiWriter.write(v, f32);
        TestVolumes.assertSameVoxels(v, NiftiReader.read(f32), 0f);
        Path i16 = dir.resolve("cranium16.nii");
        NiftiWriter.write(v, i16, new NiftiWriter.Options(VoxelType.INT16, 1, "Cranium", null, false));
        CtVolume back = NiftiReader.read(i16);
        TestVolumes.assertSameVoxels(v, back, 0f);
        TestVolumes.assertSameGeometry(v, back, 1e-6);
    }

    @Test
    void metaImageRoundTripsAreExact() throws Exception {
        CtVolume v = scan.volume();
        Path mha = dir.resolve("cranium.mha");
        MetaImageWriter.write(v, mha, VoxelType.INT16, false);
        CtVolume back = MetaImageReader.read(mha);
        TestVolumes.assertSameVoxels(v, back, 0f);
        TestVolumes.assertSameGeometry(v, back, 0);
        Path mhd = dir.resolve("cranium.mhd");
        MetaImageWriter.write(v, mhd, VoxelType.FLOAT32, false);
        TestVolumes.assertSameVoxels(v, MetaImageReader.read(mhd), 0f);
    }

    @Test
    void infoReportsTheScan() throws Exception {
        Path f = dir.resolve("cranium.nii");
        NiftiWriter.write(scan.volume(), f, new NiftiWriter.Options(VoxelType.INT16, 1, "Cranium", null, false));
        JsonObject o = InfoCommandTest.info(f);
        assertEquals("[256,256,108]", o.get("size").toString());
        assertEquals(1.5, o.getAsJsonArray("spacing").get(2).getAsDouble(), 1e-6);
        assertEquals(-1024, o.get("hu_min").getAsDouble());
        assertEquals(2986, o.get("hu_max").getAsDouble());
        assertEquals(-585.9552803039551, o.get("hu_mean").getAsDouble(), 1e-6);
    }
}
