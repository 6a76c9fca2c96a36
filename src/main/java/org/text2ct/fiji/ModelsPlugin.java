package org.text2ct.fiji;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.text2ct.cache.CacheDir;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;

/**
 * Plugins > Text2CT > Text2CT Models: list the packages in the cache folder, choose (and verify)
 * the default package, set the cache folder, import published checkpoints into a package, or
 * download a package from a URL after asking.
 */
public class ModelsPlugin implements PlugIn {
    static final String COMMAND = "Text2CT Models";
    static final String[] ACTIONS = {"list", "choose", "verify", "import", "download", "cache_folder"};

    @Override
    public void run(String arg) {
        ModelChoice.applyCacheFolder();
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addChoice("action", ACTIONS, "list");
        gd.addStringField("model_dir (choose, verify)", ModelChoice.remembered(), 40);
        gd.addStringField("url (download: a model package .zip)", "", 40);
        gd.addStringField("sha256 (download: as published with the package)", "", 40);
        gd.addStringField("cache_dir", CacheDir.path().toString(), 40);
        gd.addMessage("import: MAISI checkpoints and a Hugging Face T5 folder into <cache_dir>/models/<name>");
        gd.addStringField("name", "my-model", 20);
        gd.addStringField("vae_checkpoint (.pt)", "", 40);
        gd.addStringField("vae_config (JSON; blank = released)", "", 40);
        gd.addStringField("unet_checkpoint (.pt)", "", 40);
        gd.addStringField("unet_config (JSON; blank = released)", "", 40);
        gd.addStringField("t5_folder", "", 40);
        gd.addStringField("output_size", "512,512,192", 14);
        gd.addStringField("output_spacing", "0.75,0.75,1.5", 14);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String action = gd.getNextChoice();
        String modelDir = gd.getNextString().trim();
        String url = gd.getNextString().trim();
        String sha = gd.getNextString().trim();
        Path cache = Path.of(gd.getNextString().trim());
        String name = gd.getNextString().trim();
        CheckpointImport.Sources sources = new CheckpointImport.Sources(Path.of(gd.getNextString().trim()),
                gd.getNextString(), Path.of(gd.getNextString().trim()), gd.getNextString(), Path.of(gd.getNextString().trim()));
        String size = gd.getNextString();
        String spacing = gd.getNextString();
        try {
            switch (action) {
                case "list" -> list(cache);
                case "choose" -> ModelChoice.remember(verify(Path.of(modelDir)));
                case "verify" -> verify(Path.of(modelDir));
                case "import" -> ModelChoice.remember(importPackage(sources, name, size, spacing, cache));
                case "download" -> download(URI.create(url), sha, cache);
                case "cache_folder" -> ModelChoice.rememberCacheFolder(cache);
                default -> throw new IllegalArgumentException("unknown action " + action + ": use " + String.join(", ", ACTIONS));
            }
        } catch (Exception e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }

    /** Opens the package, which checks every file's SHA-256 against model.json. */
    private static Path verify(Path dir) throws IOException {
        ModelManifest m = ModelPackage.open(dir).manifest();
        IJ.log(COMMAND + ": " + dir + " is a valid package '" + m.name() + "' (all SHA-256 checks passed), output "
                + m.output());
        return dir;
    }

    private static void list(Path cache) throws IOException {
        Path models = cache.resolve("models");
        IJ.log(COMMAND + ": packages in " + models + " (chosen: " + ModelChoice.remembered() + ")");
        if (!Files.isDirectory(models)) {
            return;
        }
        try (Stream<Path> entries = Files.list(models)) {
            for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
                if (p.toString().endsWith(".zip") || Files.isRegularFile(p.resolve(ModelManifest.MANIFEST_FILE))) {
                    IJ.log("  " + p);
                }
            }
        }
    }

    private static Path importPackage(CheckpointImport.Sources sources, String name, String size, String spacing,
            Path cache) throws IOException {
        Path output = cache.resolve("models").resolve(name);
        Files.createDirectories(output.getParent());
        IJ.showStatus(COMMAND + ": importing " + name + "…");
        CheckpointImport.importPackage(sources, name, Triples.ints(size, "output_size", null),
                Triples.doubles(spacing, "output_spacing", null), output);
        return verify(output);
    }

    private void download(URI url, String sha, Path cache) throws IOException, InterruptedException {
        Path folder = cache.resolve("models");
        boolean fromMacro = Macro.getOptions() != null;
        // A macro line that names the URL is the user's consent; interactively we ask.
        if (!fromMacro && !IJ.showMessageWithCancel(COMMAND, "Download the model package\n" + url + "\ninto " + folder
                + "?\nModel packages can be several gigabytes.")) {
            return;
        }
        Path file = new ModelDownloader().download(url, sha, folder,
                n -> IJ.showStatus(String.format("%s: %.1f MB received (Esc cancels)", COMMAND, n / 1e6)), new EscapeCancel());
        ModelChoice.remember(verify(file));
    }
}
