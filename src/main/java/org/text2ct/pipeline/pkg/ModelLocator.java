package org.text2ct.pipeline.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.text2ct.cache.CacheDir;

/**
 * Finds the model to use when none is named: {@code TEXT2CT_MODEL} (environment) or
 * {@code text2ct.model} (property), else the demo model that ships inside the jar (unpacked once
 * into the cache folder), else an error that says how to get one.
 */
public final class ModelLocator {
    public static final String ENV = "TEXT2CT_MODEL";
    public static final String PROPERTY = "text2ct.model";
    /** Where the build puts the bundled demo package (a zip of a package folder). */
    public static final String DEMO_RESOURCE = "/org/text2ct/demo/demo-model.zip";

    private ModelLocator() {
    }

    public static ModelPackage open(Path explicit) throws IOException {
        if (explicit != null) {
            return ModelPackage.open(explicit);
        }
        String named = System.getProperty(PROPERTY, System.getenv(ENV));
        if (named != null && !named.isBlank()) {
            return ModelPackage.open(Path.of(named));
        }
        try (InputStream demo = ModelLocator.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (demo == null) {
                throw new ModelPackageException("no model given and this build has no bundled demo model: pass "
                        + "--model DIR (a model package folder or .zip), or set " + ENV);
            }
            Path zip = CacheDir.path().resolve("models").resolve("demo-model.zip");
            Files.createDirectories(zip.getParent());
            Path tmp = Files.createTempFile(zip.getParent(), "demo-model", ".zip.part");
            Files.copy(demo, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return ModelPackage.open(zip);
        }
    }
}
