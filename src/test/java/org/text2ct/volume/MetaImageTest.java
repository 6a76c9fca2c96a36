package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MetaImage: LPS ↔ RAS geometry, .mha and .mhd, ITK-style headers, and malformed files. */
class MetaImageTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsMhaAndMhd() throws Exception {
        CtVolume v = TestVolumes.random(5, 4, 3, 11);
        for (String name : new String[] {"v.mha", "v.mhd"}) {
            MetaImageWriter.write(v, dir.resolve(name), VoxelType.FLOAT32, false);
            CtVolume back = VolumeFiles.read(dir.resolve(name));
            TestVolumes.assertSameVoxels(v, back, 0f);
            TestVolumes.assertSameGeometry(v, back, 1e-12);
        }
        assertTrue(Files.exists(dir.resolve("v.raw")));
        assertThrows(FileAlreadyExistsException.class, () -> MetaImageWriter.write(v, dir.resolve("v.mha"), VoxelType.FLOAT32, false));
    }

    @Test
    void headerIsInLps() throws Exception {
        CtVolume v = CtVolume.filled(2, 2, 2, -1000f, new double[] {0.5, 0.75, 2}, new double[] {10, 20, 30}, Orientation.directionOf("RAS"));
        Path f = dir.resolve("ras.mha");
        MetaImageWriter.write(v, f, VoxelType.INT16, false);
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("TransformMatrix = -1 0 0 0 -1 0 0 0 1\n"), text);
        assertTrue(text.contains("Offset = -10 -20 30\n"), text);
        assertTrue(text.contains("AnatomicalOrientation = LPI\n"), text);
        assertTrue(text.contains("ElementType = MET_SHORT\n"), text);
        assertEquals("RAS", MetaImageReader.read(f).orientationCode());
        assertArrayEquals(new double[] {10, 20, 30}, MetaImageReader.read(f).origin(), 0);
    }

    @Test
    void int16NeedsIntegerHu() {
        CtVolume v = TestVolumes.random(2, 2, 2, 12);
        assertThrows(IllegalArgumentException.class, () -> MetaImageWriter.write(v, dir.resolve("x.mha"), VoxelType.INT16, false));
    }

    @Test
    void readsItkStyleBigEndianCompressedWithOrientationCodeOnly() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(2 * 2 * 3 * 2).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 12; i++) {
            data.putShort((short) (i * 100 - 1024));
        }
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z)) {
            out.write(data.array());
        }
        String header = "ObjectType = Image\r\nNDims = 3\r\nDimSize = 2 2 3\r\nElementSize = 0.5 0.5 4\r\n"
                + "Position = 1 2 3\r\nAnatomicalOrientation = RAI\r\nBinaryDataByteOrderMSB = True\r\n"
                + "CompressedData = True\r\nCompressedDataSize = " + z.size() + "\r\nElementType = MET_SHORT\r\nElementDataFile = LOCAL\r\n";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(header.getBytes(StandardCharsets.US_ASCII));
        file.write(z.toByteArray());
        CtVolume v = MetaImageReader.read(Files.write(dir.resolve("itk.mha"), file.toByteArray()));
        assertEquals("LPS", v.orientationCode());
        assertArrayEquals(new double[] {-1, -2, 3}, v.origin(), 0);
        assertArrayEquals(new double[] {0.5, 0.5, 4}, v.spacing(), 0);
        assertEquals(-1024f, v.get(0, 0, 0));
        assertEquals(1100 - 1024f, v.get(1, 1, 2));
    }

    @Test
    void directionKeyIsATransformMatrix() throws Exception {
        String header = "NDims = 3\nDimSize = 1 1 1\nDirection = 0 1 0 1 0 0 0 0 -1\nElementType = MET_UCHAR\nElementDataFile = LOCAL\n";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(header.getBytes(StandardCharsets.US_ASCII));
        file.write(7);
        CtVolume v = MetaImageReader.read(Files.write(dir.resolve("dir.mha"), file.toByteArray()));
        // LPS axes (+y, +x, −z) are P, L, I; in RAS that is still P, L, I.
        assertEquals("PLI", v.orientationCode());
        assertEquals(7f, v.get(0, 0, 0));
    }

    private void assertBroken(String header, byte[] data, String name, String words) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(header.getBytes(StandardCharsets.US_ASCII));
        file.write(data);
        Path f = Files.write(dir.resolve(name), file.toByteArray());
        VolumeFormatException e = assertThrows(VolumeFormatException.class, () -> MetaImageReader.read(f));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void malformedFiles() throws Exception {
        String ok = "NDims = 3\nDimSize = 2 2 2\nElementType = MET_FLOAT\nElementDataFile = LOCAL\n";
        assertBroken(ok, new byte[31], "short.mha", "need 32 bytes but short.mha holds");
        assertBroken(ok.replace("MET_FLOAT", "MET_ULONG_LONG"), new byte[64], "type.mha", "ElementType 'MET_ULONG_LONG'");
        assertBroken(ok.replace("DimSize = 2 2 2\n", ""), new byte[32], "nodim.mha", "no dimsize");
        assertBroken(ok.replace("2 2 2", "2 0 2"), new byte[32], "zero.mha", "not a positive size");
        assertBroken(ok + "", new byte[0], "nodata.mha", "holds");
        assertBroken("NDims = 3\nDimSize = 2 2 2\nElementSpacing = 1 NaN 1\nElementType = MET_FLOAT\nElementDataFile = LOCAL\n",
                new byte[32], "nan.mha", "spacing must be finite");
        assertBroken(ok.replace("LOCAL", "missing.raw"), new byte[0], "detached.mhd", "does not exist");
        assertBroken("\u0000\u0001binary", new byte[10], "junk.mha", "not a MetaImage header");
    }
}
