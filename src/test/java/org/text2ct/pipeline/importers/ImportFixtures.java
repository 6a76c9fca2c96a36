package org.text2ct.pipeline.importers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.text2ct.TestFixtures;

/** The tiny checkpoints in published layouts, made by tools/make_import_fixtures.py. */
public final class ImportFixtures {
    /** scale_factor in unet_tiny.pt, a float32 tensor of 1.0287. */
    public static final double UNET_SCALE_FACTOR = 1.0287;
    public static final int VAE_TENSORS = 126;

    private ImportFixtures() {
    }

    public static Path path(String name) {
        return TestFixtures.path("import/" + name);
    }

    public static String config(String name) throws IOException {
        return Files.readString(path(name), StandardCharsets.UTF_8);
    }
}
