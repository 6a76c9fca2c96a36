package org.text2ct.cache;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The product's cache folder (engine and tokenizer natives), and the DJL settings that put
 * DJL's caches there. Free of DJL imports, so layers that use only DJL's tokenizers (text) and
 * layers that use the engine (nn) share one definition.
 */
public final class CacheDir {
    /** System property, then environment variable, naming the cache folder. */
    public static final String PROPERTY = "text2ct.cache.dir";
    public static final String ENV = "TEXT2CT_CACHE_DIR";

    private CacheDir() {
    }

    /** The folder for engine natives and other caches: property, environment, else ~/.cache/text2ct. */
    public static Path path() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        if (dir == null || dir.isBlank()) {
            return Paths.get(System.getProperty("user.home"), ".cache", "text2ct");
        }
        return Paths.get(dir);
    }

    /**
     * Sets DJL's properties before its first use: natives unpacked under {@code path()/djl},
     * offline, no tracking. Values the user set (property or environment) win; later calls change nothing.
     */
    public static synchronized void configureDjl() {
        String djl = path().resolve("djl").toString();
        setIfAbsent("DJL_CACHE_DIR", djl);
        setIfAbsent("ENGINE_CACHE_DIR", djl);
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("DJL_OFFLINE", "true");
        setIfAbsent("ai.djl.offline", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
