package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.Calibration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.RadiologicalView;

class ImagePlusBridgeTest {
    private static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    /** 5×4×3 RAS volume whose voxel value encodes its index: 100·i + 10·j + k. */
    private static CtVolume indexed() {
        CtVolume v = CtVolume.filled(5, 4, 3, 0f, new double[] {0.5, 0.75, 2.0}, new double[] {-10, 20, -30}, IDENTITY);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 5; i++) {
                    v.set(i, j, k, 100 * i + 10 * j + k);
                }
            }
        }
        return v;
    }

    private static ImagePlus bridge(CtVolume v) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("prompt", "left lower lobe nodule");
        meta.put("seed", "42");
        return ImagePlusBridge.toImagePlus(v, meta, WindowPreset.MEDIASTINUM, ImagePlusBridge.title("left lower lobe nodule", 42));
    }

    @Test
    void stackSlicesAreTheVolumesPlanesNotCopies() {
        CtVolume v = indexed();
        float[][] planes = {v.plane(0), v.plane(1), v.plane(2)};
        ImagePlus imp = bridge(v);
        assertEquals(3, imp.getStackSize());
        assertEquals(ImagePlus.GRAY32, imp.getType());
        // Slice 1 is the most superior plane (k = 2), reused as the same array.
        assertSame(planes[2], imp.getStack().getPixels(1));
        assertSame(planes[0], imp.getStack().getPixels(3));
    }

    @Test
    void axialSlicesAreRadiologicalAndMatchRadiologicalView() {
        CtVolume v = indexed();
        float[][] expected = RadiologicalView.axial(v, 2);
        ImagePlus imp = bridge(v);
        imp.setSlice(1);
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 5; col++) {
                assertEquals(expected[row][col], imp.getProcessor().getf(col, row), "row " + row + " col " + col);
            }
        }
        // Screen's top-left is the patient's right-most (i = 4), most anterior (j = 3) voxel.
        assertEquals(432f, imp.getProcessor().getf(0, 0));
    }

    @Test
    void calibrationIsWorldMillimetresAlongLeftPosteriorInferior() {
        ImagePlus imp = bridge(indexed());
        Calibration cal = imp.getCalibration();
        assertEquals("mm", cal.getUnit());
        assertEquals(0.5, cal.pixelWidth);
        assertEquals(0.75, cal.pixelHeight);
        assertEquals(2.0, cal.pixelDepth);
        // Display pixel (0,0,slice 1) is RAS voxel (4,3,2): world R = -10 + 4·0.5 = -8, so L = 8 mm.
        assertEquals(8.0, cal.getX(0), 1e-9);
        assertEquals(-(20 + 3 * 0.75), cal.getY(0), 1e-9);
        assertEquals(-(-30 + 2 * 2.0), cal.getZ(0), 1e-9);
        // One pixel to the right on screen is one voxel towards the patient's left.
        assertEquals(8.5, cal.getX(1), 1e-9);
    }

    @Test
    void windowTitleAndReproducibilityMetadata() {
        ImagePlus imp = bridge(indexed());
        assertEquals(-160, imp.getDisplayRangeMin());
        assertEquals(240, imp.getDisplayRangeMax());
        assertEquals("left lower lobe nodule (seed 42)", imp.getTitle());
        assertEquals("42", imp.getProp("seed"));
        assertEquals("mediastinum", imp.getProp("window"));
        String info = (String) imp.getProperty("Info");
        assertTrue(info.contains("prompt: left lower lobe nodule\n"), info);
    }

    @Test
    void nonRasVolumesAreReorientedToTheSameDisplay() {
        CtVolume ras = indexed();
        float[][] expected = RadiologicalView.axial(ras, 0);
        CtVolume lps = org.text2ct.volume.Orientation.reorient(ras, "LPS");
        ImagePlus imp = bridge(lps);
        imp.setSlice(3);
        float[] row0 = new float[5];
        for (int col = 0; col < 5; col++) {
            row0[col] = imp.getProcessor().getf(col, 0);
        }
        assertArrayEquals(expected[0], row0);
    }

    @Test
    void longPromptsAreShortenedInTheTitle() {
        String t = ImagePlusBridge.title("a".repeat(100), 7);
        assertEquals("a".repeat(57) + "... (seed 7)", t);
    }
}
