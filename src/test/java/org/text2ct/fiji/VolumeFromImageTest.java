package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ShortProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.Orientation;

class VolumeFromImageTest {
    @Test
    void readsBackWhatTheBridgeShowsWithTheSameWorldGeometry() {
        CtVolume v = CtVolume.filled(5, 4, 3, 0f, new double[] {0.5, 0.75, 2.0}, new double[] {-10, 20, -30},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        v.set(4, 0, 1, 7f);
        ImagePlus imp = ImagePlusBridge.toImagePlus(v, Map.of(), WindowPreset.LUNG, "t");
        CtVolume back = Orientation.toRas(VolumeFromImage.of(imp));
        assertArrayEquals(new double[] {-10, 20, -30}, back.origin(), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.75, 2.0}, back.spacing(), 1e-12);
        assertEquals(7f, back.get(4, 0, 1));
        assertEquals(0f, back.get(0, 0, 1));
    }

    @Test
    void sixteenBitSlicesGoThroughTheCalibrationFunction() {
        ShortProcessor sp = new ShortProcessor(2, 2);
        sp.set(0, 0, 1024);
        ImagePlus imp = new ImagePlus("dicom", sp);
        imp.getCalibration().setFunction(ij.measure.Calibration.STRAIGHT_LINE, new double[] {-1024, 1}, "HU");
        CtVolume v = VolumeFromImage.of(imp);
        assertEquals(0f, v.get(0, 0, 0));
        assertEquals(-1024f, v.get(1, 1, 0));
    }

    @Test
    void colourImagesAreRefusedWithTheFix() {
        ImagePlus rgb = new ImagePlus("photo", new ij.process.ColorProcessor(2, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> VolumeFromImage.of(rgb));
        assertTrue(e.getMessage().contains("16- or 32-bit"), e.getMessage());
    }
}
