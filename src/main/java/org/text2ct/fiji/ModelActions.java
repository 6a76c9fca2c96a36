package org.text2ct.fiji;

import ij.IJ;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;

/**
 * What "Text2CT Models" does, shared by the menu entry and the SciJava command: list the packages
 * in the cache folder, choose (and verify) the default package, set the cache folder, import
 * published checkpoints into a package, or download a package (the caller has the user's consent).
 * Results go to the Log window (stdout headless).
 */
final class ModelActions {
    static final String COMMAND = "Text2CT Models";
    static final String[] ACTIONS = {"list", "choose", "verify", "import", "download", "cache_folder"};

    /** The fields of the dialog (and the command's parameters); each action reads the ones it needs. */
    record Request(String action, String modelDir, String url, String sha256, Path cache, String name,
            CheckpointImport.Sources sources, String outputSize, String outputSpacing) { }

    private ModelActions() {
    }

    static void run(Request r) throws IOException, InterruptedException {
        switch (r.action()) {
            case "list" -> list(r.cache());
            case "choose" -> choose(r.modelDir().trim());
            case "verify" -> verify(Path.of(r.modelDir().trim()));
            case "import" -> ModelChoice.remember(importPackage(r.sources(), r.name().trim(), r.outputSize(),
                    r.outputSpacing(), r.cache()));
            case "download" -> download(URI.create(r.url().trim()), r.sha256().trim(), r.cache());
            case "cache_folder" -> ModelChoice.rememberCacheFolder(r.cache());
            default -> throw new IllegalArgumentException("unknown action " + r.action() + ": use "
                    + String.join(", ", ACTIONS));
        }
    }

    /** A blank folder goes back to the model the plugin ships with. */
    private static void choose(String dir) throws IOException {
        if (dir.isEmpty()) {
            ModelChoice.forget();
            IJ.log(COMMAND + ": using the bundled demo model");
            return;
        }
        ModelChoice.remember(verify(Path.of(dir)));
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

    private static void download(URI url, String sha, Path cache) throws IOException, InterruptedException {
        Path folder = cache.resolve("models");
        Path file = new ModelDownloader().download(url, sha, folder,
                n -> IJ.showStatus(String.format("%s: %.1f MB received (Esc cancels)", COMMAND, n / 1e6)), new EscapeCancel());
        ModelChoice.remember(verify(file));
    }
}
