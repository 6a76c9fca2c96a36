package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.text2ct.volume.CtVolume;

class PreprocessCtCommandTest {
    private static Context context;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static ImagePlus source() {
        CtVolume v = CtVolume.filled(20, 20, 10, 1500f, new double[] {1, 1, 2}, new double[3],
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        return ImagePlusBridge.toImagePlus(v, Map.of(), WindowPreset.BONE, "scan");
    }

    private static CommandModule run(String spacing, String size) throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("image", source());
        in.put("output_spacing", spacing);
        in.put("output_size", size);
        in.put("window", "bone");
        return context.service(CommandService.class).run(PreprocessCtCommand.class, false, in).get();
    }

    @Test
    void resamplesPadsAndClipsToThePapersRange() throws Exception {
        CommandModule m = run("2,2,2", "16,16,16");
        assertFalse(m.isCanceled(), m.getCancelReason());
        ImagePlus out = (ImagePlus) m.getOutput("preprocessed");
        assertEquals(16, out.getWidth());
        assertEquals(16, out.getNSlices());
        assertEquals(2.0, out.getCalibration().pixelWidth);
        assertEquals("preprocessed scan", out.getTitle());
        out.setSlice(8);
        // Body voxels (1500 HU) are clipped to 1000; padding outside the 20 mm body is air.
        assertEquals(1000f, out.getProcessor().getf(8, 8));
        assertEquals(-1000f, out.getProcessor().getf(0, 0));
    }

    @Test
    void badSizeCancelsWithTheReason() throws Exception {
        CommandModule m = run("2,2,2", "16,16");
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().startsWith("output_size needs three values"), m.getCancelReason());
    }
}
