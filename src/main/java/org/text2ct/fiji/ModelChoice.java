package org.text2ct.fiji;

import ij.Prefs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.text2ct.cache.CacheDir;

/**
 * Which model package a command uses: the {@code model_dir} it was given, else the one chosen
 * in "Text2CT Models" (kept in ImageJ's preferences so it survives a restart), else null, which
 * leaves the choice to {@code ModelLocator} (TEXT2CT_MODEL, then the bundled demo model).
 */
final class ModelChoice {
    static final String PREF_KEY = "text2ct.model";
    static final String CACHE_PREF_KEY = "text2ct.cache.dir";

    private ModelChoice() {
    }

    static Path resolve(String modelDir) {
        String dir = modelDir == null || modelDir.isBlank() ? Prefs.get(PREF_KEY, "") : modelDir.trim();
        if (dir.isBlank()) {
            return null;
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

    static void forget() {
        Prefs.set(PREF_KEY, "");
        Prefs.savePreferences();
    }

    static String remembered() {
        return Prefs.get(PREF_KEY, "");
    }

    /** The cache folder chosen in Text2CT Models, unless the user set one for the JVM already. */
    static void applyCacheFolder() {
        String dir = Prefs.get(CACHE_PREF_KEY, "");
        if (!dir.isBlank() && System.getProperty(CacheDir.PROPERTY) == null && System.getenv(CacheDir.ENV) == null) {
            System.setProperty(CacheDir.PROPERTY, dir);
        }
    }

    static void rememberCacheFolder(Path dir) {
        Prefs.set(CACHE_PREF_KEY, dir.toAbsolutePath().toString());
        Prefs.savePreferences();
        System.setProperty(CacheDir.PROPERTY, dir.toAbsolutePath().toString());
    }
}
