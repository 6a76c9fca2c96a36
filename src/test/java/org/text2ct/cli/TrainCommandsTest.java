package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.train.TrainingSet;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;

/** make-phantoms → train-vae → train-ldm → fine-tuning with --init at a tiny size, and the training commands' refusals. */
class TrainCommandsTest {
    private static final String TINY_VAE = "{\"spatial_dims\":3,\"in_channels\":1,\"out_channels\":1,\"latent_channels\":4,"
            + "\"num_channels\":[4,8,8],\"num_res_blocks\":[1,1,1],\"norm_num_groups\":4}";

    @TempDir
    Path dir;

    @Test
    void phantomsThenVaeThenLdmGiveAPackage() throws Exception {
        Path data = dir.resolve("data");
        String[] r = InfoCommandTest.run("make-phantoms", "--out", data.toString(), "--n", "2", "--seed", "4",
                "--size", "32,32,16", "--spacing", "12,12,20", "--mirror-pairs");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.exists(data.resolve("phantom_00001.nii.gz")));
        assertTrue(Files.readString(data.resolve("dataset.json")).contains("\"seed\":4,\"count\":2,\"mirror_pairs\":true"));
        Path config = dir.resolve("vae.json");
        Files.writeString(config, TINY_VAE, StandardCharsets.UTF_8);
        Path vae = dir.resolve("vae.safetensors");
        r = InfoCommandTest.run("train-vae", "--data", data.toString(), "--out", vae.toString(), "--config",
                config.toString(), "--steps", "2", "--batch", "1", "--patch", "16,16,8", "--device", "cpu");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("step 2/2  loss "), r[1]);
        assertTrue(Files.exists(dir.resolve("vae.loss.png")));
        assertEquals(3, Files.readAllLines(dir.resolve("vae.loss.csv")).size());
        Path model = dir.resolve("model");
        r = InfoCommandTest.run("train-ldm", "--data", data.toString(), "--vae", vae.toString(), "--out", model.toString(),
                "--steps", "2", "--batch", "2", "--unet-channels", "8", "--text-width", "16", "--device", "cpu",
                "--scheduler", "ddim", "--twin-weight", "2", "--mask-padding");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("2 of 2 cases are drawn with their mirrored twin"), r[1]);
        ModelPackage p = ModelPackage.open(model);
        assertEquals("ddim", p.manifest().scheduler().type().label());
        assertTrue(p.manifest().conditioning().maskPadding());
        List<String> log = Files.readAllLines(dir.resolve("model.loss.csv"));
        assertEquals("step,loss,mse,twin,lr,seconds", log.get(0));
        double[] row = Arrays.stream(log.get(2).split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(row[2] + 2 * row[3], row[1], 1.5e-5 * row[1], "loss = mse + twin weight × twin (6 digits each)");
        assertTrue(p.manifest().provenance().getAsJsonObject().get("command_line").getAsString()
                .startsWith("text2ct train-ldm --data"));
        assertEquals(4, p.manifest().provenance().getAsJsonObject().getAsJsonObject("data").get("seed").getAsInt());
        fineTuningStartsFromThePackage(data, model, p);
        positionInputStartsAtZeroWeight(data, model);
        decoderTuningKeepsTheLatents(data, model, p);
    }

    private void fineTuningStartsFromThePackage(Path data, Path model, ModelPackage base) throws Exception {
        Path tuned = dir.resolve("tuned");
        String[] r = InfoCommandTest.run("train-ldm", "--data", data.toString(), "--init", model.toString(),
                "--out", tuned.toString(), "--steps", "1", "--batch", "2", "--lr", "1e-3", "--device", "cpu",
                "--prompt-sections", "findings,impressions");
        assertEquals("0", r[0], r[2]);
        ModelPackage p = ModelPackage.open(tuned);
        assertEquals("ddim", p.manifest().scheduler().type().label(), "the package's scheduler is kept");
        assertTrue(p.manifest().conditioning().maskPadding(), "so is its masking of padded tokens");
        Path volume = dir.resolve("tuned.nii.gz");
        r = InfoCommandTest.run("generate", "--model", tuned.toString(), "--prompt", "left pleural effusion",
                "--steps", "2", "--guidance", "3", "--out", volume.toString(), "--device", "cpu");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.size(volume) > 0);
        assertEquals(base.manifest().latentScaleFactor(), p.manifest().latentScaleFactor());
        assertEquals(base.manifest().textEncoder().tokenizer().sha256(), p.manifest().textEncoder().tokenizer().sha256());
        assertEquals(base.manifest().autoencoder().sha256(), p.manifest().autoencoder().sha256());
        assertEquals("model", p.manifest().provenance().getAsJsonObject().getAsJsonObject("fine_tuned_from")
                .get("name").getAsString());
        // One Adam step moves no weight by more than the learning rate, so the result is close to the package's
        // weights (a fresh initialisation would be far from them) but not equal to them.
        Map<String, TensorData> before = weights(model.resolve("unet.safetensors"));
        Map<String, TensorData> after = weights(tuned.resolve("unet.safetensors"));
        assertEquals(before.keySet(), after.keySet());
        double maxChange = 0;
        for (String k : before.keySet()) {
            float[] a = before.get(k).toFloats();
            float[] b = after.get(k).toFloats();
            for (int i = 0; i < a.length; i++) {
                maxChange = Math.max(maxChange, Math.abs(a[i] - b[i]));
            }
        }
        assertTrue(maxChange > 0 && maxChange <= 1.01e-3, "largest weight change " + maxChange);

        r = InfoCommandTest.run("train-ldm", "--data", data.toString(), "--init", model.toString(), "--scheduler",
                "rectified_flow", "--out", dir.resolve("t2").toString(), "--steps", "1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("was trained with the ddim scheduler"), r[2]);
        r = InfoCommandTest.run("train-ldm", "--data", data.toString(), "--init", model.toString(), "--vae",
                dir.resolve("vae.safetensors").toString(), "--out", dir.resolve("t3").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("give either --vae (train a new model) or --init MODEL"), r[2]);
        r = InfoCommandTest.run("train-ldm", "--data", data.toString(), "--init", model.toString(), "--unet-channels",
                "16", "--out", dir.resolve("t4").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--init takes the networks from the package; leave out --unet-channels"), r[2]);
        r = InfoCommandTest.run("train-ldm", "--data", data.toString(), "--init", model.toString(), "--prompt-sections",
                "impressions,history", "--out", dir.resolve("t5").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("'history' is not a report section; use description, demographics, findings or "
                + "impressions"), r[2]);
        assertTrue(Files.notExists(dir.resolve("t2")) && Files.notExists(dir.resolve("t3"))
                && Files.notExists(dir.resolve("t4")) && Files.notExists(dir.resolve("t5")));
    }

    private void positionInputStartsAtZeroWeight(Path data, Path model) throws Exception {
        Path placed = dir.resolve("placed");
        String[] r = InfoCommandTest.run("train-ldm", "--data", data.toString(), "--init", model.toString(),
                "--out", placed.toString(), "--steps", "1", "--batch", "2", "--lr", "1e-3", "--device", "cpu",
                "--position-input");
        assertEquals("0", r[0], r[2]);
        ModelPackage p = ModelPackage.open(placed);
        assertTrue(UnetConfig.fromJson(p.manifest().unet().config().toString()).positionInput());
        TensorData before = weights(model.resolve("unet.safetensors")).get("conv_in.conv.weight");
        TensorData after = weights(placed.resolve("unet.safetensors")).get("conv_in.conv.weight");
        long[] s = before.shape();
        assertArrayEquals(new long[] {s[0], s[1] + 3, s[2], s[3], s[4]}, after.shape());
        // The coordinate inputs start at zero, so one Adam step leaves them within the learning rate of it.
        float[] w = after.toFloats();
        int kernel = (int) (s[2] * s[3] * s[4]);
        double largest = 0;
        for (int o = 0; o < s[0]; o++) {
            for (int i = (int) s[1] * kernel; i < (s[1] + 3) * kernel; i++) {
                largest = Math.max(largest, Math.abs(w[(int) (o * (s[1] + 3) * kernel) + i]));
            }
        }
        assertTrue(largest > 0 && largest <= 1.01e-3, "largest coordinate weight " + largest);
        Path volume = dir.resolve("placed.nii.gz");
        r = InfoCommandTest.run("generate", "--model", placed.toString(), "--prompt", "left pleural effusion",
                "--steps", "2", "--out", volume.toString(), "--device", "cpu");
        assertEquals("0", r[0], r[2]);
    }

    private void decoderTuningKeepsTheLatents(Path data, Path model, ModelPackage base) throws Exception {
        Path tuned = dir.resolve("decoder");
        String[] r = InfoCommandTest.run("tune-decoder", "--model", model.toString(), "--data", data.toString(),
                "--out", tuned.toString(), "--steps", "12", "--batch", "2", "--patch", "16,16,8", "--lr", "1e-2",
                "--device", "cpu");
        assertEquals("0", r[0], r[2]);
        ModelPackage p = ModelPackage.open(tuned);
        assertEquals(base.manifest().unet().sha256(), p.manifest().unet().sha256());
        assertEquals(base.manifest().textEncoder().sha256(), p.manifest().textEncoder().sha256());
        assertEquals(base.manifest().latentScaleFactor(), p.manifest().latentScaleFactor());
        assertTrue(p.manifest().conditioning().maskPadding());
        JsonObject prov = p.manifest().provenance().getAsJsonObject();
        assertTrue(prov.get("command_line").getAsString().startsWith("text2ct tune-decoder --model"));
        assertEquals(12, prov.get("steps").getAsInt());
        assertEquals(base.manifest().autoencoder().sha256(),
                prov.getAsJsonObject("decoder_tuned_from").get("autoencoder_sha256").getAsString());
        Map<String, TensorData> before = weights(model.resolve("autoencoder.safetensors"));
        Map<String, TensorData> after = weights(tuned.resolve("autoencoder.safetensors"));
        assertEquals(before.keySet(), after.keySet());
        int changed = 0;
        for (String k : before.keySet()) {
            boolean same = Arrays.equals(before.get(k).toFloats(), after.get(k).toFloats());
            if (k.startsWith("decoder.") || k.startsWith("post_quant_conv.")) {
                changed += same ? 0 : 1;
            } else {
                assertTrue(same, k + " belongs to the frozen encoder but changed");
            }
        }
        assertTrue(changed > 20, changed + " decoder tensors changed");
        List<String> log = Files.readAllLines(dir.resolve("decoder.loss.csv"));
        assertEquals("step,recon,lr,seconds", log.get(0));
        double first = Double.parseDouble(log.get(1).split(",")[1]);
        double last = Double.parseDouble(log.get(12).split(",")[1]);
        assertTrue(last < 0.8 * first, "L1 went from " + first + " to " + last);

        r = InfoCommandTest.run("tune-decoder", "--model", model.toString(), "--data", data.toString(),
                "--out", model.toString(), "--steps", "1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("is the package being tuned; write the tuned package to another folder"), r[2]);
        assertEquals(base.manifest().autoencoder().sha256(), ModelPackage.open(model).manifest().autoencoder().sha256());
    }

    private static Map<String, TensorData> weights(Path file) throws Exception {
        try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
            return f.copyAsFloats();
        }
    }

    @Test
    void emptyFolderIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[] r = InfoCommandTest.run("train-vae", "--data", empty.toString(), "--out", dir.resolve("v.safetensors").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("no reports.json in " + empty), r[2]);
    }

    @Test
    void missingVolumeAndEmptyReportListAreNamed() throws Exception {
        Path d = Files.createDirectories(dir.resolve("d"));
        Files.writeString(d.resolve(TrainingSet.REPORTS), "[]");
        String[] r = InfoCommandTest.run("train-vae", "--data", d.toString(), "--out", dir.resolve("v.safetensors").toString());
        assertTrue(r[2].contains("lists no cases"), r[2]);
        Files.writeString(d.resolve(TrainingSet.REPORTS), "[{\"case_id\":\"a\",\"file\":\"a.nii.gz\","
                + "\"sections\":{\"findings\":\"Clear lungs.\"}}]");
        r = InfoCommandTest.run("train-ldm", "--data", d.toString(), "--vae", "x", "--out", dir.resolve("m").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("lists a.nii.gz but " + d.resolve("a.nii.gz") + " does not exist"), r[2]);
    }

    @Test
    void mirrorPairsNeedAnEvenCount() throws Exception {
        String[] r = InfoCommandTest.run("make-phantoms", "--out", dir.resolve("odd").toString(), "--n", "3",
                "--mirror-pairs");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("the case count must be even, got 3"), r[2]);
        assertFalse(Files.exists(dir.resolve("odd")), "nothing is written");
    }

    @Test
    void volumesOfDifferentSizesAreRefused() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals("0", InfoCommandTest.run("make-phantoms", "--out", a.toString(), "--n", "1", "--size", "32,32,16")[0]);
        assertEquals("0", InfoCommandTest.run("make-phantoms", "--out", b.toString(), "--n", "1", "--size", "32,32,32")[0]);
        Files.copy(b.resolve("phantom_00000.nii.gz"), a.resolve("big.nii.gz"));
        String reports = Files.readString(a.resolve(TrainingSet.REPORTS));
        String second = reports.substring(reports.indexOf('{'), reports.lastIndexOf('}') + 1)
                .replace("phantom_00000.nii.gz", "big.nii.gz");
        Files.writeString(a.resolve(TrainingSet.REPORTS), "[" + reports.substring(reports.indexOf('{'),
                reports.lastIndexOf('}') + 1) + "," + second + "]");
        String[] r = InfoCommandTest.run("train-vae", "--data", a.toString(), "--out", dir.resolve("v.safetensors").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("size mismatch: big.nii.gz is 32×32×32 but phantom_00000.nii.gz is 32×32×16"), r[2]);
    }
}
