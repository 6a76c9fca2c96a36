package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImageJ;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.pipeline.TinyModelPackage;
import org.text2ct.pipeline.eval.TinyClipFolder;

/**
 * The plugin as a user meets it: installed into an ImageJ1 folder, driven by a macro in the GUI
 * under Xvfb. Skipped only where Xvfb is missing and CI is not set (.ci/run installs it).
 * Leaves the screenshot in target/fiji-macro-screenshot.png.
 */
class FijiMacroTest {
    @TempDir
    static Path dir;
    private static Path model;
    private static Path prompts;

    @BeforeAll
    static void needsXvfb() throws Exception {
        if (!ImageJInstall.xvfbAvailable() && "true".equals(System.getenv("CI"))) {
            fail("CI=true but xvfb-run is missing: .ci/run installs xvfb");
        }
        assumeTrue(ImageJInstall.xvfbAvailable(), "xvfb-run is not installed");
        model = dir.resolve("tiny");
        TinyModelPackage.write(model);
        prompts = Files.writeString(dir.resolve("prompts.txt"), "left lower lobe nodule\nright pleural effusion\n");
    }

    /** The ImageJ that users have: the net.imagej:ij jar the plugin is compiled against. */
    private static Path mavenIj() throws Exception {
        return Path.of(ImageJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String macro(String resultFile, String screenshot, Path batchOut, boolean properties) {
        return String.join("\n",
                "out = '';",
                "List.setCommands;",
                "out = out + 'cmd_generate=' + List.get('Generate CT from Text') + '\\n';",
                "out = out + 'cmd_evaluate=' + List.get('Evaluate FID and CLIP') + '\\n';",
                "out = out + 'cmd_preprocess=' + List.get('Preprocess CT') + '\\n';",
                "out = out + 'cmd_others=' + List.get('Generate CT Batch') + ',' + List.get('Decode Latent') + ','"
                        + " + List.get('Text2CT Models') + '\\n';",
                "run('Generate CT from Text', 'prompt=[left lower lobe nodule] seed=42 num_steps=2 output_size=[]"
                        + " output_spacing=[] model_dir=[" + model + "] device=cpu window=lung show_orthogonal');",
                "wait(500);",
                "selectWindow('left lower lobe nodule (seed 42)');",
                "id = getImageID();",
                "out = out + 'title=' + getTitle() + '\\n';",
                "out = out + 'slices=' + nSlices + '\\n';",
                "getVoxelSize(w, h, d, unit);",
                "out = out + 'voxel=' + w + ',' + h + ',' + d + ',' + unit + '\\n';",
                "getMinAndMax(lo, hi);",
                "out = out + 'range=' + lo + ',' + hi + '\\n';",
                "info = getMetadata('Info');",
                "out = out + 'info_seed=' + (indexOf(info, 'seed: 42') >= 0) + '\\n';",
                properties ? "out = out + 'prop_steps=' + Property.get('steps') + '\\n';" : "",
                "wait(2000);",
                properties ? "out = out + 'ortho=' + Stack.getOrthoViewsID + ',' + id + '\\n';" : "",
                "titles = getList('image.titles');",
                "t = ''; for (i = 0; i < titles.length; i++) t = t + titles[i] + '|';",
                "out = out + 'titles=' + t + '\\n';",
                "run('Text2CT Models', 'action=verify model_dir=[" + model + "]');",
                "out = out + 'models_verified=' + (indexOf(getInfo('log'), 'is a valid package') >= 0) + '\\n';",
                "batch = 'prompts_file=[" + prompts + "] seed=7 output_dir=[" + batchOut + "] num_steps=1 model_dir=["
                        + model + "] device=cpu';",
                "run('Generate CT Batch', batch + ' format=tiff');",
                "run('Generate CT Batch', batch + ' format=tiff');",
                "run('Generate CT Batch', batch + ' format=nifti');",
                properties ? evaluation(batchOut) : "",
                properties ? demoModel() : "",
                "run('Capture Screen');",
                "saveAs('PNG', '" + screenshot + "');",
                "close();",
                "File.saveString(out, '" + resultFile + "');",
                "run('Quit');",
                "");
    }

    /**
     * Evaluate FID and CLIP from a macro: the batch's volumes against themselves, CLIP-scored against
     * the batch's prompts with the tiny BiomedCLIP folder, read back with getResult.
     */
    private static String evaluation(Path batchOut) {
        return String.join("\n",
                "run('Text2CT Models', 'action=choose model_dir=[" + model + "]');",
                "run('Evaluate FID and CLIP', 'generated_dir=[" + batchOut + "] reference_dir=[" + batchOut + "]"
                        + " prompts_file=[" + prompts + "] clip_dir=[" + TinyClipFolder.path() + "] extractor=vae-latent"
                        + " views=[axial,sagittal,coronal]');",
                "row = nResults - 1;",
                "out = out + 'fid_mean=' + getResult('FID_mean', row) + '\\n';",
                "out = out + 'fid_axial=' + getResult('FID_axial', row) + '\\n';",
                "out = out + 'clip=' + getResult('CLIP_axial', row) + ',' + getResult('CLIP_sagittal', row) + ','"
                        + " + getResult('CLIP_coronal', row) + ',' + getResult('CLIP_mean', row) + '\\n';",
                "out = out + 'n_generated=' + getResult('n_generated', row) + '\\n';",
                "out = out + 'extractor=' + getResultString('extractor', row) + '\\n';");
    }

    /** The model the plugin ships: chosen back with a blank folder, a chest CT in the screenshot. */
    private static String demoModel() {
        return String.join("\n",
                "run('Text2CT Models', 'action=choose model_dir=[]');",
                "run('Generate CT from Text', 'prompt=[Moderate left pleural effusion. Cardiomegaly.] seed=3"
                        + " num_steps=0 output_size=[] output_spacing=[] model_dir=[] device=cpu window=lung"
                        + " show_orthogonal');",
                "wait(2000);",
                "selectWindow('Moderate left pleural effusion. Cardiomegaly. (seed 3)');",
                "Stack.getStatistics(count, mean, min, max);",
                "out = out + 'demo_slices=' + nSlices + '\\n';",
                "out = out + 'demo_hu=' + min + ',' + max + '\\n';",
                "out = out + 'demo_title=' + getTitle() + '\\n';");
    }

    private static Map<String, String> runIn(Path ijJar, String name, boolean properties) throws Exception {
        Path ij = dir.resolve(name);
        ImageJInstall install = ImageJInstall.create(ij);
        Path result = ij.resolve("result.txt");
        Path shot = Path.of("target", name + "-screenshot.png").toAbsolutePath();
        Path macro = Files.writeString(ij.resolve("test.ijm"), macro(result.toString(), shot.toString(), ij.resolve("batch"), properties));
        String console = install.runMacro(ijJar, macro, 600);
        assertTrue(Files.exists(result), "the macro did not finish; console:\n" + console);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(result)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    @Test
    void generateFromAMacroInImageJ154() throws Exception {
        Map<String, String> r = runIn(mavenIj(), "fiji-macro", true);
        assertEquals("org.text2ct.fiji.GenerateCtPlugin", r.get("cmd_generate"));
        assertEquals("org.text2ct.fiji.EvaluateCtPlugin", r.get("cmd_evaluate"));
        assertEquals("org.text2ct.fiji.PreprocessCtPlugin", r.get("cmd_preprocess"));
        assertEquals("org.text2ct.fiji.GenerateBatchPlugin,org.text2ct.fiji.DecodeLatentPlugin,org.text2ct.fiji.ModelsPlugin",
                r.get("cmd_others"));
        assertEquals("1", r.get("models_verified"));
        assertEquals("2", r.get("n_generated"));
        assertTrue(r.get("extractor").startsWith("vae-latent"), r.get("extractor"));
        assertTrue(Math.abs(Double.parseDouble(r.get("fid_mean"))) < 1e-6, "identical sets: FID " + r.get("fid_mean"));
        assertTrue(Double.isFinite(Double.parseDouble(r.get("fid_axial"))), r.get("fid_axial"));
        for (String clip : r.get("clip").split(",")) {
            double v = Double.parseDouble(clip);
            assertTrue(v >= 0 && v <= 100, "CLIP score in [0, 100]: " + r.get("clip"));
        }
        Path batchOut = dir.resolve("fiji-macro").resolve("batch");
        try (var files = Files.list(batchOut)) {
            assertEquals(List.of("001_left-lower-lobe-nodule_seed7.nii.gz", "001_left-lower-lobe-nodule_seed7.tif",
                    "001_left-lower-lobe-nodule_seed7_2.tif", "002_right-pleural-effusion_seed8.nii.gz",
                    "002_right-pleural-effusion_seed8.tif", "002_right-pleural-effusion_seed8_2.tif"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        ij.ImagePlus tif = ij.IJ.openImage(batchOut.resolve("001_left-lower-lobe-nodule_seed7.tif").toString());
        assertEquals(32, tif.getNSlices());
        assertEquals(6.0, tif.getCalibration().pixelDepth);
        assertTrue(((String) tif.getProperty("Info")).contains("seed: 7"));
        assertEquals(32, org.text2ct.volume.VolumeFiles.read(batchOut.resolve("002_right-pleural-effusion_seed8.nii.gz")).nz());
        assertEquals("left lower lobe nodule (seed 42)", r.get("title"));
        assertEquals("32", r.get("slices"));
        assertEquals("6,6,6,mm", r.get("voxel"));
        assertEquals("-1350,150", r.get("range"));
        assertEquals("1", r.get("info_seed"));
        assertEquals("2", r.get("prop_steps"));
        String[] ortho = r.get("ortho").split(",");
        assertEquals(ortho[1], ortho[0], "orthogonal views not open on the generated image");
        assertTrue(r.get("titles").contains("YZ"), "no YZ view window: " + r.get("titles"));
        assertEquals("64", r.get("demo_slices"), "the bundled demo model's 128x128x64 output");
        assertTrue(r.get("demo_title").startsWith("Moderate left pleural effusion"), r.get("demo_title"));
        String[] hu = r.get("demo_hu").split(",");
        assertTrue(Double.parseDouble(hu[0]) < -900 && Double.parseDouble(hu[1]) > 150,
                "air and dense tissue in the demo volume: " + r.get("demo_hu"));
    }

    /** Debian's ImageJ 1.52i, older than the 1.54 Fiji ships: checked where .ci/run installed it. */
    @Test
    void generateFromAMacroInDebianImageJ152() throws Exception {
        Path debian = Path.of("/usr/share/java/ij.jar");
        assumeTrue(Files.exists(debian) || "true".equals(System.getenv("CI")), "Debian's imagej is not installed");
        Map<String, String> r = runIn(debian, "debian-ij152", false);
        assertEquals("org.text2ct.fiji.GenerateCtPlugin", r.get("cmd_generate"));
        assertEquals("32", r.get("slices"));
        assertEquals("6,6,6,mm", r.get("voxel"));
        assertEquals("1", r.get("info_seed"));
    }
}
