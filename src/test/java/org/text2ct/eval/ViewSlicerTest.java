package org.text2ct.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ViewSlicerTest {
    private static final int NX = 3;
    private static final int NY = 4;
    private static final int NZ = 5;
    /** Largest coded value 100·2 + 10·3 + 4; the smallest is 0. */
    private static final float MAX_CODE = 234f;

    /** v = 100x + 10y + z, so every voxel says where it came from. */
    private static Volume3 coded() {
        float[] data = new float[NX * NY * NZ];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    data[x + NX * (y + NY * z)] = 100 * x + 10 * y + z;
                }
            }
        }
        return new Volume3(NX, NY, NZ, data);
    }

    private static List<SliceBatch> all(Volume3 v, View view, int batch) {
        List<SliceBatch> out = new ArrayList<>();
        new ViewSlicer(v, view, batch).forEachRemaining(out::add);
        return out;
    }

    /** Undoes normalisation and channel shift of channel 0 to get the voxel's code back. */
    private static int code(SliceBatch b, int s, int r, int c) {
        return Math.round((b.get(s, 0, r, c) + ViewSlicer.CHANNEL_MEANS[0]) * MAX_CODE);
    }

    @Test
    void volumeIndexIsXFastest() {
        Volume3 v = coded();
        assertEquals(1, v.index(1, 0, 0));
        assertEquals(NX, v.index(0, 1, 0));
        assertEquals(NX * NY, v.index(0, 0, 1));
        assertEquals(213, v.get(2, 1, 3), 0);
    }

    @Test
    void axialImagesAreXByYForEachZ() {
        SliceBatch b = all(coded(), View.AXIAL, 10).get(0);
        assertArrayEquals(new long[] {NZ, 3, NX, NY}, b.shape());
        for (int z = 0; z < NZ; z++) {
            for (int x = 0; x < NX; x++) {
                for (int y = 0; y < NY; y++) {
                    assertEquals(100 * x + 10 * y + z, code(b, z, x, y));
                }
            }
        }
    }

    @Test
    void sagittalImagesAreYByZForEachX() {
        SliceBatch b = all(coded(), View.SAGITTAL, 10).get(0);
        assertArrayEquals(new long[] {NX, 3, NY, NZ}, b.shape());
        for (int x = 0; x < NX; x++) {
            for (int y = 0; y < NY; y++) {
                for (int z = 0; z < NZ; z++) {
                    assertEquals(100 * x + 10 * y + z, code(b, x, y, z));
                }
            }
        }
    }

    @Test
    void coronalImagesAreXByZForEachY() {
        SliceBatch b = all(coded(), View.CORONAL, 10).get(0);
        assertArrayEquals(new long[] {NY, 3, NX, NZ}, b.shape());
        for (int y = 0; y < NY; y++) {
            for (int x = 0; x < NX; x++) {
                for (int z = 0; z < NZ; z++) {
                    assertEquals(100 * x + 10 * y + z, code(b, y, x, z));
                }
            }
        }
    }

    @Test
    void rawLayoutIsSliceChannelRowCol() {
        SliceBatch b = all(coded(), View.AXIAL, 10).get(0);
        // [slice 1, channel 2, row x=2, col y=3] of a [5, 3, 3, 4] array, channel 2 holding v − 0.485.
        int flat = ((1 * 3 + 2) * NX + 2) * NY + 3;
        assertEquals(231 / MAX_CODE - 0.485f, b.data()[flat], 1e-6);
    }

    @Test
    void wholeVolumeMinMaxThenChannelMeans() {
        SliceBatch b = all(coded(), View.AXIAL, 10).get(0);
        float[] atMin = {b.get(0, 0, 0, 0), b.get(0, 1, 0, 0), b.get(0, 2, 0, 0)};
        float[] atMax = {b.get(4, 0, 2, 3), b.get(4, 1, 2, 3), b.get(4, 2, 2, 3)};
        assertArrayEquals(new float[] {-0.406f, -0.456f, -0.485f}, atMin, 1e-6f);
        assertArrayEquals(new float[] {0.594f, 0.544f, 0.515f}, atMax, 1e-6f);
        // Slice z = 0 alone spans 0..230; per-slice normalisation would put its max at 1 − 0.406.
        assertEquals(230 / MAX_CODE - 0.406f, b.get(0, 0, 2, 3), 1e-6);
    }

    @Test
    void batchesSplitTheStackInOrder() {
        List<SliceBatch> batches = all(coded(), View.AXIAL, 2);
        assertEquals(3, batches.size());
        assertEquals(List.of(0, 2, 4), batches.stream().map(SliceBatch::firstSlice).toList());
        assertEquals(List.of(2, 2, 1), batches.stream().map(SliceBatch::slices).toList());
        SliceBatch whole = all(coded(), View.AXIAL, 5).get(0);
        float[] joined = new float[whole.data().length];
        int at = 0;
        for (SliceBatch b : batches) {
            System.arraycopy(b.data(), 0, joined, at, b.data().length);
            at += b.data().length;
        }
        assertArrayEquals(whole.data(), joined);
        assertEquals(4, code(batches.get(2), 0, 0, 0));
    }

    @Test
    void exhaustedSlicerRefusesNext() {
        ViewSlicer slicer = new ViewSlicer(coded(), View.SAGITTAL, 3);
        slicer.next();
        assertFalse(slicer.hasNext());
        assertThrows(NoSuchElementException.class, slicer::next);
    }

    @Test
    void constantVolumeGivesMinusChannelMeans() {
        float[] data = new float[2 * 2 * 2];
        Arrays.fill(data, 0.7f);
        SliceBatch b = all(new Volume3(2, 2, 2, data), View.CORONAL, 8).get(0);
        for (int s = 0; s < 2; s++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 2; c++) {
                        assertEquals(-ViewSlicer.CHANNEL_MEANS[ch], b.get(s, ch, r, c), 0f);
                    }
                }
            }
        }
    }

    @Test
    void refusesNonFiniteVoxelsAndBadBatchSize() {
        Volume3 v = coded();
        v.data()[v.index(1, 2, 3)] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class, () -> new ViewSlicer(v, View.AXIAL, 4));
        assertTrue(e.getMessage().contains("(x=1, y=2, z=3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ViewSlicer(coded(), View.AXIAL, 0));
    }

    @Test
    void volumeRefusesWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new Volume3(2, 2, 2, new float[7]));
        assertThrows(IllegalArgumentException.class, () -> new Volume3(0, 2, 2, new float[0]));
    }
}
