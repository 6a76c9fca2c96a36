package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing NIfTI-1 and reading it back: voxels, geometry through sform and through qform, int16 scaling, safety. */
class NiftiWriterTest {
    @TempDir
    Path dir;

    @Test
    void float32RoundTripIsExact() throws Exception {
        CtVolume v = TestVolumes.random(5, 6, 7, 1);
        for (String name : new String[] {"f.nii", "f.nii.gz"}) {
            NiftiWriter.write(v, dir.resolve(name));
            CtVolume back = NiftiReader.read(dir.resolve(name));
            TestVolumes.assertSameVoxels(v, back, 0f);
            TestVolumes.assertSameGeometry(v, back, 1e-5);
        }
    }

    @Test
    void qformAloneGivesTheSameGeometryAsSform() throws Exception {
        CtVolume v = TestVolumes.random(3, 4, 5, 2);
        Path f = dir.resolve("q.nii");
        NiftiWriter.write(v, f);
        byte[] bytes = Files.readAllBytes(f);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0);
        Path qOnly = Files.write(dir.resolve("qonly.nii"), bytes);
        NiftiReader.Result r = NiftiReader.readWithHeader(qOnly);
        assertEquals(NiftiGeometry.Method.QFORM, r.geometry().method());
        assertEquals(-1.0, r.header().pixdim()[0], "left-handed direction needs qfac -1");
        TestVolumes.assertSameGeometry(v, r.volume(), 1e-5);
    }

    @Test
    void int16IsExactForIntegerHu() throws Exception {
        CtVolume v = TestVolumes.random(4, 4, 3, 3);
        for (int z = 0; z < v.nz(); z++) {
            float[] p = v.plane(z);
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.round(p[i]);
            }
        }
        Path f = dir.resolve("i.nii.gz");
        NiftiWriter.write(v, f, new NiftiWriter.Options(VoxelType.INT16, 2, "int16", null, false));
        NiftiReader.Result r = NiftiReader.readWithHeader(f);
        assertEquals(VoxelType.INT16, r.header().type());
        assertEquals(1.0, r.header().sclSlope());
        assertEquals(2, r.header().sformCode());
        assertEquals(2, r.header().qformCode());
        TestVolumes.assertSameVoxels(v, r.volume(), 0f);
    }

    @Test
    void int16ScalingCoversAWideRange() throws Exception {
        CtVolume v = TestVolumes.random(4, 4, 3, 4);
        v.set(0, 0, 0, -100_000.5f);
        v.set(1, 0, 0, 250_000.25f);
        Path f = dir.resolve("s.nii");
        NiftiWriter.write(v, f, new NiftiWriter.Options(VoxelType.INT16, 1, "scaled", null, false));
        NiftiReader.Result r = NiftiReader.readWithHeader(f);
        double slope = r.header().sclSlope();
        assertEquals(350_000.75 / 65535, slope, 1e-3);
        TestVolumes.assertSameVoxels(v, r.volume(), (float) (slope * 0.51 + 0.05));
        assertEquals(-100_000.5f, r.volume().get(0, 0, 0), slope);
        assertEquals(250_000.25f, r.volume().get(1, 0, 0), slope);
    }

    @Test
    void descriptionAndJsonExtension() throws Exception {
        CtVolume v = TestVolumes.random(2, 2, 2, 5);
        String json = "{\"prompt\":\"bilateral effusion\",\"seed\":42}";
        String longText = "x".repeat(100);
        Path f = dir.resolve("e.nii");
        NiftiWriter.write(v, f, new NiftiWriter.Options(VoxelType.FLOAT32, 1, longText, json, false));
        NiftiReader.Result r = NiftiReader.readWithHeader(f);
        assertEquals("x".repeat(80), r.header().descrip());
        assertEquals(0, r.header().voxOffset() % 16);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, b.get(348));
        int esize = b.getInt(352);
        assertEquals(r.header().voxOffset() - 352, esize);
        assertEquals(6, b.getInt(356));
        byte[] text = new byte[json.length()];
        b.get(360, text);
        assertEquals(json, new String(text, StandardCharsets.UTF_8));
        TestVolumes.assertSameVoxels(v, r.volume(), 0f);
    }

    @Test
    void neverOverwritesUnlessAskedAndLeavesNoTemporaryFile() throws Exception {
        CtVolume a = TestVolumes.random(2, 2, 2, 6);
        CtVolume b = TestVolumes.random(2, 2, 2, 7);
        Path f = dir.resolve("o.nii");
        NiftiWriter.write(a, f);
        assertThrows(FileAlreadyExistsException.class, () -> NiftiWriter.write(b, f));
        TestVolumes.assertSameVoxels(a, NiftiReader.read(f), 0f);
        NiftiWriter.write(b, f, NiftiWriter.Options.defaults().withOverwrite(true));
        TestVolumes.assertSameVoxels(b, NiftiReader.read(f), 0f);
        try (Stream<Path> files = Files.list(dir)) {
            assertArrayEquals(new Object[] {f}, files.toArray());
        }
    }

    @Test
    void rejectsOtherOutputTypes() {
        assertThrows(IllegalArgumentException.class, () -> new NiftiWriter.Options(VoxelType.UINT8, 1, "", null, false));
        assertThrows(IllegalArgumentException.class, () -> new NiftiWriter.Options(VoxelType.FLOAT32, 3, "", null, false));
    }
}
