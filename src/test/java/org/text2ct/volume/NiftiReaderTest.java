package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading NIfTI: byte orders, NIfTI-2, geometry methods, and every malformed header turned into a clear error. */
class NiftiReaderTest {
    @TempDir
    Path dir;

    @Test
    void bigEndianNifti1ReadsLikeLittleEndian() throws Exception {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.order = ByteOrder.BIG_ENDIAN;
        n.datatype = 4;
        CtVolume v = NiftiReader.read(n.write(dir.resolve("be.nii")));
        assertEquals(23f, v.get(1, 2, 3));
        assertEquals(7f, v.get(1, 0, 1));
    }

    @Test
    void nifti2WithSformAndGzip() throws Exception {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.version = 2;
        n.datatype = 64;
        n.sformCode = 1;
        n.srow = new double[][] {{-2, 0, 0, 5}, {0, 0, 1.5, 6}, {0, 3, 0, 7}};
        NiftiReader.Result r = NiftiReader.readWithHeader(n.write(dir.resolve("two.nii.gz")));
        assertEquals(2, r.header().version());
        assertEquals(NiftiGeometry.Method.SFORM, r.geometry().method());
        assertEquals("LSA", r.volume().orientationCode());
        assertArrayEquals(new double[] {2, 3, 1.5}, r.volume().spacing(), 1e-12);
        assertArrayEquals(new double[] {5, 6, 7}, r.volume().origin(), 1e-12);
        assertEquals(13f, r.volume().get(1, 0, 2));
    }

    @Test
    void methodIsReported() throws Exception {
        NiftiBytes n = NiftiTestFiles.ramp();
        assertEquals(NiftiGeometry.Method.PIXDIM_ONLY, NiftiReader.readWithHeader(n.write(dir.resolve("1.nii"))).geometry().method());
        n.qformCode = 2;
        assertEquals(NiftiGeometry.Method.QFORM, NiftiReader.readWithHeader(n.write(dir.resolve("2.nii"))).geometry().method());
        n.sformCode = 2;
        assertEquals(NiftiGeometry.Method.SFORM, NiftiReader.readWithHeader(n.write(dir.resolve("3.nii"))).geometry().method());
    }

    @Test
    void obliqueQformMatchesNifti1ioRotation() throws Exception {
        // b = sin(θ/2) about x, θ = 30°: axis 1 turns from A towards S.
        double half = Math.toRadians(15);
        NiftiBytes n = NiftiTestFiles.ramp();
        n.qformCode = 1;
        n.quatern = new double[] {Math.sin(half), 0, 0};
        double[][] d = NiftiReader.read(n.write(dir.resolve("o.nii"))).direction();
        assertEquals(Math.cos(Math.toRadians(30)), d[1][1], 1e-6);
        assertEquals(Math.sin(Math.toRadians(30)), d[2][1], 1e-6);
        assertEquals(-Math.sin(Math.toRadians(30)), d[1][2], 1e-6);
    }

    @Test
    void micrometresBecomeMillimetres() throws Exception {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.units = 3;
        n.sformCode = 1;
        n.srow = new double[][] {{500, 0, 0, 1000}, {0, 250, 0, 0}, {0, 0, 2000, -3000}};
        CtVolume v = NiftiReader.read(n.write(dir.resolve("um.nii")));
        assertArrayEquals(new double[] {0.5, 0.25, 2}, v.spacing(), 1e-9);
        assertArrayEquals(new double[] {1, 0, -3}, v.origin(), 1e-9);
    }

    private void assertBroken(NiftiBytes n, String name, String... words) {
        VolumeFormatException e = assertThrows(VolumeFormatException.class, () -> NiftiReader.read(n.write(dir.resolve(name))));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void badSizeofHdr() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.sizeofHdr = 349;
        assertBroken(n, "size.nii", "sizeof_hdr is 349");
    }

    @Test
    void badMagicAndTwoFileNifti() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.magic = "xyz";
        assertBroken(n, "magic.nii", "magic 'xyz'");
        n.magic = "ni1";
        assertBroken(n, "pair.nii", ".hdr/.img");
    }

    @Test
    void nonPositiveOrAbsurdDims() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.dim = new long[] {0, 2, 3, 4, 1, 1, 1, 1};
        assertBroken(n, "d0.nii", "dim[0] is 0");
        n.dim = new long[] {3, 2, -3, 4, 1, 1, 1, 1};
        assertBroken(n, "neg.nii", "dim[2] is -3");
        n.dim = new long[] {4, 2, 3, 4, 5, 1, 1, 1};
        assertBroken(n, "4d.nii", "dim[4] = 5");
        n.version = 2;
        n.dim = new long[] {3, 1L << 40, 3, 4, 1, 1, 1, 1};
        assertBroken(n, "huge.nii", "dimension 1 is 1099511627776");
        n.dim = new long[] {3, 1 << 20, 1 << 20, 4, 1, 1, 1, 1};
        assertBroken(n, "plane.nii", "too large for one array");
    }

    @Test
    void dimsBeyondTheFile() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.dim = new long[] {3, 32767, 32767, 32767, 1, 1, 1, 1};
        assertBroken(n, "big.nii", "but the file holds");
        assertBroken(n, "big.nii.gz", "but the file holds");
    }

    @Test
    void truncatedData() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.truncateBy = 10;
        assertBroken(n, "short.nii", "but the file holds");
        assertBroken(n, "short.nii.gz", "truncated voxel data", "plane 3");
    }

    @Test
    void voxOffsetPastTheEnd() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.voxOffset = 100_000;
        n.truncateBy = 100_000 + 24 * 4 - 400;
        assertBroken(n, "off.nii", "vox_offset 100000 is past the end");
        assertBroken(n, "off.nii.gz", "but the file holds 68 bytes (gzip: at most 70,176 uncompressed)");
    }

    @Test
    void badSpacing() {
        NiftiBytes n = NiftiTestFiles.ramp();
        for (double bad : new double[] {Double.NaN, 0, -1}) {
            n.pixdim = new double[] {1, 1, bad, 1, 1, 1, 1, 1};
            assertBroken(n, "sp.nii", "pixdim[2]", "spacing must be finite and > 0");
        }
        n.pixdim = new double[] {1, 1, 1, 1, 1, 1, 1, 1};
        n.sformCode = 1;
        n.srow = new double[][] {{0, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
        assertBroken(n, "sform.nii", "sform column 0 has length 0");
    }

    @Test
    void unsupportedDatatype() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.datatype = 32;
        assertBroken(n, "complex.nii", "datatype 32 is not supported");
    }

    @Test
    void tooShortForAHeader() {
        NiftiBytes n = NiftiTestFiles.ramp();
        n.truncateBy = n.build().length - 100;
        assertBroken(n, "tiny.nii", "truncated NIfTI header");
    }
}
