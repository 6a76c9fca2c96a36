package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.pipeline.eval.TinyClipFolder;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.NiftiWriter;
import org.text2ct.volume.Orientation;

/** {@code evaluate} as a user runs it: folders in, one CSV row out, refusal to overwrite, one-line errors. */
class EvaluateCommandTest {
    static final String TINY_VAE = "src/test/resources/fixtures/maisi_vae_tiny.weights.safetensors";
    static final String TINY_RESNET = "src/test/resources/fixtures/resnet_tiny.weights.safetensors";

    @TempDir
    Path dir;

    /** A folder of {@code n} small volumes: a bright ball in air with noise of {@code sigma} HU. */
    private Path folder(String name, int n, double sigma, long seed) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            CtVolume v = CtVolume.filled(32, 32, 16, -1000f, new double[] {2, 2, 4}, new double[3],
                    Orientation.directionOf("RAS"));
            for (int z = 0; z < 16; z++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        double d2 = (x - 16) * (x - 16) + (y - 16) * (y - 16) + 4 * (z - 8) * (z - 8);
                        v.set(x, y, z, (float) ((d2 < 100 ? 40 : -1000) + sigma * r.nextGaussian()));
                    }
                }
            }
            NiftiWriter.write(v, d.resolve("v" + i + ".nii.gz"));
        }
        return d;
    }

    @Test
    void writesOneRowUnderTheResultsTableColumns() throws Exception {
        Path csv = dir.resolve("fid.csv");
        String[] r = InfoCommandTest.run("evaluate", "--generated", folder("gen", 2, 50, 1).toString(),
                "--reference", folder("ref", 2, 5, 2).toString(), "--vae", TINY_VAE, "--csv", csv.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("FID_axial,FID_sagittal,FID_coronal,FID_mean,CLIP_axial,CLIP_sagittal,CLIP_coronal,CLIP_mean,"
                + "extractor,n_generated,n_reference", lines.get(0));
        String[] cells = lines.get(1).split(",");
        assertTrue(Double.parseDouble(cells[3]) > 0, lines.get(1));
        assertEquals("NaN", cells[7]);
        assertEquals("vae-latent:maisi_vae_tiny.weights.safetensors", cells[8]);
        assertEquals("2", cells[9]);
        assertEquals("2", cells[10]);
    }

    @Test
    void resnetExtractorAndAViewSubset() throws Exception {
        Path csv = dir.resolve("fid.csv");
        String[] r = InfoCommandTest.run("evaluate", "--generated", folder("gen", 1, 50, 1).toString(),
                "--reference", folder("ref", 1, 5, 2).toString(), "--extractor", "resnet50", "--weights", TINY_RESNET,
                "--views", "axial", "--csv", csv.toString());
        // --weights names a ResNet-50 file, the tiny fixture is not one: the strict loader says which keys differ.
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("layer1.1.conv1.weight"), r[2]);
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        Path csv = Files.writeString(dir.resolve("old.csv"), "keep me\n");
        String gen = folder("gen", 1, 50, 1).toString();
        String ref = folder("ref", 1, 5, 2).toString();
        String[] r = InfoCommandTest.run("evaluate", "--generated", gen, "--reference", ref, "--vae", TINY_VAE,
                "--csv", csv.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("already exists"), r[2]);
        assertEquals("keep me\n", Files.readString(csv));
        assertEquals("0", InfoCommandTest.run("evaluate", "--generated", gen, "--reference", ref, "--vae", TINY_VAE,
                "--csv", csv.toString(), "--overwrite")[0]);
        assertTrue(Files.readString(csv).startsWith("FID_axial,"));
    }

    @Test
    void namesWhatIsMissing() throws Exception {
        String gen = folder("gen", 1, 50, 1).toString();
        String[] noVae = InfoCommandTest.run("evaluate", "--generated", gen, "--reference", gen, "--csv",
                dir.resolve("a.csv").toString());
        assertEquals("2", noVae[0]);
        assertTrue(noVae[2].contains("vae-latent needs a model package (--model DIR) or VAE weights (--vae FILE)"), noVae[2]);
        String[] empty = InfoCommandTest.run("evaluate", "--generated", Files.createDirectories(dir.resolve("none")).toString(),
                "--reference", gen, "--vae", TINY_VAE, "--csv", dir.resolve("b.csv").toString());
        assertEquals("2", empty[0]);
        assertTrue(empty[2].contains("holds no volume"), empty[2]);
        String[] badView = InfoCommandTest.run("evaluate", "--generated", gen, "--reference", gen, "--vae", TINY_VAE,
                "--views", "axial,frontal", "--csv", dir.resolve("c.csv").toString());
        assertEquals("2", badView[0]);
        assertTrue(badView[2].contains("unknown view 'frontal'"), badView[2]);
        Path prompts = Files.writeString(dir.resolve("prompts.txt"), "chest CT\n");
        String[] clip = InfoCommandTest.run("evaluate", "--generated", gen, "--reference", gen, "--vae", TINY_VAE,
                "--prompts", prompts.toString(), "--csv", dir.resolve("d.csv").toString());
        assertEquals("2", clip[0]);
        assertTrue(clip[2].contains("--prompts: CLIP score needs BiomedCLIP; pass --clip DIR"), clip[2]);
        String[] noPrompts = InfoCommandTest.run("evaluate", "--generated", gen, "--reference", gen, "--vae", TINY_VAE,
                "--clip", TinyClipFolder.path().toString(), "--csv", dir.resolve("e.csv").toString());
        assertEquals("2", noPrompts[0]);
        assertTrue(noPrompts[2].contains("pass --prompts FILE"), noPrompts[2]);
        String[] badFolder = InfoCommandTest.run("evaluate", "--generated", gen, "--reference", gen, "--vae", TINY_VAE,
                "--prompts", prompts.toString(), "--clip", gen, "--csv", dir.resolve("f.csv").toString());
        assertEquals("2", badFolder[0]);
        assertTrue(badFolder[2].contains("has no open_clip_config.json"), badFolder[2]);
    }

    /**
     * CLIP score per view with the tiny BiomedCLIP folder in the CSV's CLIP columns. "nodule" scores
     * 23.1 / 25.3 / 25.3 on these volumes with the tiny towers (some other words average below zero
     * and clamp to 0); one prompt for all volumes and one per volume (blank lines skipped) agree.
     */
    @Test
    void clipFolderFillsTheClipColumns() throws Exception {
        String gen = folder("gen", 2, 50, 1).toString();
        String ref = folder("ref", 2, 5, 2).toString();
        String[] forAll = clipRow(gen, ref, "nodule\n");
        for (int i = 4; i < 7; i++) {
            double v = Double.parseDouble(forAll[i]);
            assertTrue(v > 20 && v <= 100, "CLIP column " + i + ": " + String.join(",", forAll));
        }
        double mean = (Double.parseDouble(forAll[4]) + Double.parseDouble(forAll[5]) + Double.parseDouble(forAll[6])) / 3;
        assertEquals(mean, Double.parseDouble(forAll[7]), 1e-5);
        assertEquals(List.of(forAll), List.of(clipRow(gen, ref, "nodule\n\nnodule\n")));
    }

    private String[] clipRow(String gen, String ref, String prompts) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "prompts", ".txt"), prompts);
        Path csv = Files.createTempFile(dir, "clip", ".csv");
        String[] r = InfoCommandTest.run("evaluate", "--generated", gen, "--reference", ref, "--vae", TINY_VAE,
                "--prompts", file.toString(), "--clip", TinyClipFolder.path().toString(), "--device", "cpu",
                "--csv", csv.toString(), "--overwrite");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("CLIP axial "), r[1]);
        return Files.readAllLines(csv).get(1).split(",");
    }
}
