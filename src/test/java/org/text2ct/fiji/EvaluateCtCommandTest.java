package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.text2ct.eval.View;
import org.text2ct.pipeline.eval.TinyClipFolder;
import org.text2ct.pipeline.eval.EvaluationRequest;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.NiftiWriter;

/** How the evaluation command turns its fields into a request, and refuses bad ones before any work. */
class EvaluateCtCommandTest {
    @TempDir
    Path dir;

    private Path folder(String name, int volumes) throws Exception {
        Path f = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < volumes; i++) {
            CtVolume v = CtVolume.filled(4, 4, 4, i, new double[] {1, 1, 1}, new double[3],
                    new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
            NiftiWriter.write(v, f.resolve("v" + i + ".nii.gz"));
        }
        Files.writeString(f.resolve("notes.txt"), "not a volume");
        return f;
    }

    @Test
    void foldersPromptsAndViewsBecomeTheRequest() throws Exception {
        Path gen = folder("gen", 2);
        Path ref = folder("ref", 3);
        Path prompts = Files.writeString(dir.resolve("p.txt"), "nodule\n\neffusion\n");
        EvaluationRequest r = CtEvaluator.request(gen.toString(), ref.toString(), prompts.toString(), " resnet ", "axial");
        assertEquals(2, r.generated().size());
        assertEquals(3, r.reference().size());
        assertEquals(1f, r.generated().get(1).get(0, 0, 0));
        assertEquals(java.util.List.of("nodule", "effusion"), r.prompts());
        assertEquals("resnet", r.extractor());
        assertEquals(java.util.Set.of(View.AXIAL), r.views());
    }

    @Test
    void promptCountMustMatchTheGeneratedSet() throws Exception {
        Path gen = folder("gen", 2);
        Path ref = folder("ref", 1);
        Path prompts = Files.writeString(dir.resolve("p.txt"), "a\nb\nc\n");
        var e = assertThrows(IllegalArgumentException.class,
                () -> CtEvaluator.request(gen.toString(), ref.toString(), prompts.toString(), "x", "axial"));
        assertTrue(e.getMessage().contains("3 prompts for 2 generated volumes"), e.getMessage());
    }

    @Test
    void theCommandCancelsWithTheReasonWhenAFolderIsMissing() throws Exception {
        Context context = new Context(CommandService.class);
        try {
            Map<String, Object> in = new HashMap<>();
            in.put("generated_dir", folder("gen", 1).toFile());
            in.put("reference_dir", dir.resolve("nowhere").toFile());
            CommandModule m = context.service(CommandService.class).run(EvaluateCtCommand.class, false, in).get();
            assertTrue(m.isCanceled());
            assertTrue(m.getCancelReason().contains("reference_dir") && m.getCancelReason().contains("is not a folder"),
                    m.getCancelReason());
        } finally {
            context.dispose();
        }
    }

    @Test
    void promptsAndClipFolderComeTogether() throws Exception {
        Path gen = folder("gen", 1);
        Path prompts = Files.writeString(dir.resolve("p.txt"), "nodule\n");
        assertEquals("prompts_file: CLIP score needs BiomedCLIP; give clip_dir, the folder downloaded from Hugging Face "
                + "(microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224)", cancelReason(gen, prompts, null));
        assertEquals("clip_dir: CLIP score needs the prompts of the generated volumes; give prompts_file",
                cancelReason(gen, null, TinyClipFolder.path()));
        assertTrue(cancelReason(gen, prompts, gen).contains("has no open_clip_config.json"));
    }

    private static String cancelReason(Path gen, Path prompts, Path clip) throws Exception {
        Context context = new Context(CommandService.class);
        try {
            Map<String, Object> in = new HashMap<>();
            in.put("generated_dir", gen.toFile());
            in.put("reference_dir", gen.toFile());
            if (prompts != null) {
                in.put("prompts_file", prompts.toFile());
            }
            if (clip != null) {
                in.put("clip_dir", clip.toFile());
            }
            CommandModule m = context.service(CommandService.class).run(EvaluateCtCommand.class, false, in).get();
            assertTrue(m.isCanceled());
            return m.getCancelReason();
        } finally {
            context.dispose();
        }
    }
}
