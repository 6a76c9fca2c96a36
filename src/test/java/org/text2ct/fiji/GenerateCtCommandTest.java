package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.pipeline.TinyModelPackage;

/** The SciJava command run headless the way a script does, on the tiny model package. */
class GenerateCtCommandTest {
    @TempDir
    static Path dir;
    private static Context context;
    private static Path model;

    @BeforeAll
    static void start() throws Exception {
        model = dir.resolve("tiny");
        TinyModelPackage.write(model);
        context = new Context(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
        LoadedModel.release();
    }

    private static CommandModule run(Map<String, Object> inputs) throws Exception {
        return context.service(CommandService.class).run(GenerateCtCommand.class, false, inputs).get();
    }

    private static Map<String, Object> inputs(long seed) {
        Map<String, Object> in = new HashMap<>();
        in.put("prompt", "left lower lobe nodule");
        in.put("seed", seed);
        in.put("num_steps", 2);
        in.put("model_dir", model.toFile());
        in.put("window", "lung");
        return in;
    }

    @Test
    void generatesACalibratedWindowedStackWithItsRecipe() throws Exception {
        CommandModule m = run(inputs(42));
        assertFalse(m.isCanceled(), m.getCancelReason());
        ImagePlus imp = (ImagePlus) m.getOutput("image");
        assertEquals(32, imp.getWidth());
        assertEquals(32, imp.getNSlices());
        assertEquals(ImagePlus.GRAY32, imp.getType());
        assertEquals(6.0, imp.getCalibration().pixelDepth);
        assertEquals("mm", imp.getCalibration().getUnit());
        assertEquals(-1350, imp.getDisplayRangeMin());
        assertEquals(150, imp.getDisplayRangeMax());
        assertEquals("left lower lobe nodule (seed 42)", imp.getTitle());
        assertEquals("42", imp.getProp("seed"));
        assertEquals("2", imp.getProp("steps"));
        assertEquals("[6.0, 6.0, 6.0]", imp.getProp("spacing_mm"));
        assertTrue(((String) imp.getProperty("Info")).contains("model: "));
        float[] pixels = (float[]) imp.getStack().getPixels(16);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float p : pixels) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        assertTrue(min >= -1000f && max <= 1000f && max > min, "HU range " + min + ".." + max);
    }

    @Test
    void sameSeedSameVolumeOtherSeedDiffers() throws Exception {
        float[] a = (float[]) ((ImagePlus) run(inputs(5)).getOutput("image")).getStack().getPixels(10);
        float[] b = (float[]) ((ImagePlus) run(inputs(5)).getOutput("image")).getStack().getPixels(10);
        float[] c = (float[]) ((ImagePlus) run(inputs(6)).getOutput("image")).getStack().getPixels(10);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void badSizeCancelsWithTheReasonAndNoImage() throws Exception {
        Map<String, Object> in = inputs(1);
        in.put("output_size", "30,32,32");
        CommandModule m = run(in);
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().contains("must be a multiple of"), m.getCancelReason());
        assertNull(m.getOutput("image"));
    }

    @Test
    void missingModelFolderSaysHowToFixIt() throws Exception {
        Map<String, Object> in = inputs(1);
        in.put("model_dir", dir.resolve("nowhere").toFile());
        CommandModule m = run(in);
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().contains("does not exist: give a model package folder"), m.getCancelReason());
    }

    @Test
    void unknownWindowIsRefused() throws Exception {
        Map<String, Object> in = inputs(1);
        in.put("window", "liver");
        CommandModule m = run(in);
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().startsWith("unknown window 'liver'"), m.getCancelReason());
    }

    @Test
    void cancelDuringSamplingStopsWithoutAnImage() {
        CancelToken.Flag flag = CancelToken.flag();
        AtomicInteger steps = new AtomicInteger();
        GenerateCtSettings s = new GenerateCtSettings("left lower lobe nodule", 3, 5, 0, "", "", model.toString(), "cpu", "lung");
        var e = assertThrows(CancellationException.class,
                () -> CtGenerator.generate(s, (step, total, elapsed, eta) -> {
                    steps.incrementAndGet();
                    flag.cancel();
                }, flag));
        assertEquals(1, steps.get(), "sampling went on after the cancel");
        assertTrue(UserErrors.message(e).startsWith("Cancelled ("), UserErrors.message(e));
    }

    @Test
    void escapeKeyCancels() {
        EscapeCancel cancel = new EscapeCancel();
        assertFalse(cancel.isCancelled());
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        assertTrue(cancel.isCancelled());
        IJ.resetEscape();
    }
}
