package org.text2ct.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.Locale;
import org.text2ct.cache.CacheDir;

/**
 * Starts DJL's PyTorch engine the way this product needs it: offline, no tracking, natives
 * unpacked under a configurable cache folder outside any repository, and the device chosen
 * automatically (GPU when the engine sees one, else CPU) unless the user names one.
 */
public final class Engines {
    /** System property, then environment variable, naming the cache folder (see {@link CacheDir}). */
    public static final String CACHE_PROPERTY = CacheDir.PROPERTY;
    public static final String CACHE_ENV = CacheDir.ENV;

    private Engines() {
    }

    /** The folder for engine natives and other caches: property, environment, else ~/.cache/text2ct. */
    public static Path cacheDir() {
        return CacheDir.path();
    }

    /** Sets DJL's properties before its first use; later calls change nothing. */
    public static synchronized Engine pytorch() {
        CacheDir.configureDjl();
        return Engine.getEngine("PyTorch");
    }

    /** Resolves "auto", "cpu" or "gpu" (also "gpu:N") to a device of the PyTorch engine. */
    public static Device device(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        Engine engine = pytorch();
        int gpus = engine.getGpuCount();
        switch (c) {
            case "auto":
                return gpus > 0 ? Device.gpu() : Device.cpu();
            case "cpu":
                return Device.cpu();
            default:
                if (c.equals("gpu") || c.startsWith("gpu:")) {
                    int id = c.equals("gpu") ? 0 : Integer.parseInt(c.substring(4));
                    if (id >= gpus) {
                        throw new IllegalArgumentException("device " + choice + " requested but the engine sees "
                                + gpus + " GPU(s); use --device cpu, or install CUDA natives (see README, GPU)");
                    }
                    return Device.gpu(id);
                }
                throw new IllegalArgumentException("unknown device '" + choice + "': use auto, cpu or gpu");
        }
    }
}
