package org.text2ct.fiji;

import ij.Prefs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which model package a command uses: the {@code model_dir} it was given, else the one chosen
 * in "Text2CT Models" (kept in ImageJ's preferences so it survives a restart).
 */
final class ModelChoice {
    static final String PREF_KEY = "text2ct.model";

    private ModelChoice() {
    }

    static Path resolve(String modelDir) {
        String dir = modelDir == null || modelDir.isBlank() ? Prefs.get(PREF_KEY, "") : modelDir.trim();
        if (dir.isBlank()) {
            throw new IllegalArgumentException("no model chosen: give model_dir (a model package folder or .zip), "
                    + "or choose one in Plugins > Text2CT > Text2CT Models");
        }
        Path path = Path.of(dir);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("model_dir " + path + " does not exist: give a model package folder "
                    + "or .zip, or import one in Plugins > Text2CT > Text2CT Models");
        }
        return path;
    }

    static void remember(Path path) {
        Prefs.set(PREF_KEY, path.toAbsolutePath().toString());
        Prefs.savePreferences();
    }

    static String remembered() {
        return Prefs.get(PREF_KEY, "");
    }
}
