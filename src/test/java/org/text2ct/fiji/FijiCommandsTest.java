package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.Prefs;
import ij.measure.ResultsTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.text2ct.pipeline.TinyModelPackage;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.VolumeFiles;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

/** Generate CT Batch, Decode Latent and Text2CT Models as SciJava commands, headless, on the tiny package. */
class FijiCommandsTest {
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

    private static CommandModule run(Class<? extends Command> type, Map<String, Object> inputs) throws Exception {
        return context.service(CommandService.class).run(type, false, inputs).get();
    }

    @Test
    void batchWritesOneNiftiPerPromptWithItsSeedAndNeverOverwrites() throws Exception {
        Path prompts = dir.resolve("prompts.csv");
        Files.writeString(prompts, "prompt,seed\nleft pleural effusion,7\nright upper lobe nodule,9\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("batch");
        Map<String, Object> in = new HashMap<>();
        in.put("prompts_file", prompts.toFile());
        in.put("output_dir", out.toFile());
        in.put("num_steps", 1);
        in.put("model_dir", model.toFile());
        CommandModule m = run(GenerateBatchCommand.class, in);
        assertFalse(m.isCanceled(), m.getCancelReason());
        ResultsTable t = (ResultsTable) m.getOutput("written");
        assertEquals(2, t.size());
        assertEquals("left pleural effusion", t.getStringValue("prompt", 0));
        assertEquals(9, (int) t.getValue("seed", 1));
        CtVolume v = VolumeFiles.read(Path.of(t.getStringValue("file", 0)));
        assertEquals(32, v.nz());
        CommandModule again = run(GenerateBatchCommand.class, in);
        ResultsTable t2 = (ResultsTable) again.getOutput("written");
        assertTrue(!t2.getStringValue("file", 0).equals(t.getStringValue("file", 0)), "a second run picks new names");
        try (var files = Files.list(out)) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void batchWithoutPromptsSaysWhereToPutThem() throws Exception {
        ResultsTable.getResultsTable().reset();
        Map<String, Object> in = new HashMap<>();
        in.put("output_dir", dir.resolve("none").toFile());
        in.put("model_dir", model.toFile());
        CommandModule m = run(GenerateBatchCommand.class, in);
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().startsWith("no prompts: give prompts_file"), m.getCancelReason());
    }

    @Test
    void decodeLatentGivesACalibratedImage() throws Exception {
        long[] shape = {1, 4, 8, 8, 8};
        float[] z = new float[(int) TensorData.numel(shape)];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.cos(i * 0.21);
        }
        Path file = dir.resolve("z.safetensors");
        SafeTensorsWriter.write(file, Map.of("latent", TensorData.ofFloats(shape, z)), Map.of(), false);
        Map<String, Object> in = new HashMap<>();
        in.put("latent_file", file.toFile());
        in.put("splits", "2");
        in.put("model_dir", model.toFile());
        in.put("window", "bone");
        CommandModule m = run(DecodeLatentCommand.class, in);
        assertFalse(m.isCanceled(), m.getCancelReason());
        ImagePlus imp = (ImagePlus) m.getOutput("image");
        assertEquals(32, imp.getNSlices());
        assertEquals(6.0, imp.getCalibration().pixelWidth);
        assertEquals("decoded z.safetensors", imp.getTitle());
        assertEquals(file.toString(), imp.getProp("latent"));
    }

    @Test
    void modelsVerifiesAndChoosesAPackageAndAsksBeforeDownloading() throws Exception {
        String before = ModelChoice.remembered();
        try {
            Map<String, Object> in = new HashMap<>();
            in.put("action", "choose");
            in.put("model_dir", model.toFile());
            CommandModule m = run(ModelsCommand.class, in);
            assertFalse(m.isCanceled(), m.getCancelReason());
            assertEquals(model.toString(), ModelChoice.remembered());
            in.remove("model_dir");
            assertFalse(run(ModelsCommand.class, in).isCanceled());
            assertEquals("", ModelChoice.remembered(), "a blank choice goes back to the bundled demo");
            in.put("model_dir", model.toFile());

            in.put("action", "download");
            in.put("url", "http://127.0.0.1:9/none.zip");
            CommandModule d = run(ModelsCommand.class, in);
            assertTrue(d.isCanceled());
            assertTrue(d.getCancelReason().startsWith("a download needs confirm_download=true"), d.getCancelReason());

            in.put("action", "verify");
            in.put("model_dir", dir.resolve("missing").toFile());
            CommandModule v = run(ModelsCommand.class, in);
            assertTrue(v.isCanceled());
            assertTrue(v.getCancelReason().contains("missing"), v.getCancelReason());
        } finally {
            Prefs.set(ModelChoice.PREF_KEY, before);
        }
    }
}
