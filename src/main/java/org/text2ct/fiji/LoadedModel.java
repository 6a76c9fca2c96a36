package org.text2ct.fiji;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.text2ct.nn.Engines;
import org.text2ct.pipeline.GenerationModel;
import org.text2ct.pipeline.GenerationModels;
import org.text2ct.pipeline.pkg.ModelLocator;
import org.text2ct.pipeline.pkg.ModelPackage;

/**
 * The model the last command used, kept loaded: a batch macro calls the menu once per volume,
 * and loading (hashing and reading the weights) would otherwise dominate. One at a time, so
 * switching models frees the previous one's native memory.
 */
final class LoadedModel {
    private static Path path;
    private static String device;
    private static ModelPackage pkg;
    private static GenerationModel model;
    private static NDManager manager;

    private LoadedModel() {
    }

    record Loaded(ModelPackage pkg, GenerationModel model, NDManager manager) {
    }

    /** The package at {@code modelPath}, or the default one when it is null, loaded on the device. */
    static synchronized Loaded get(Path modelPath, String deviceChoice) throws IOException {
        ModelPackage opened = ModelLocator.open(modelPath);
        Path key = opened.directory().toAbsolutePath().normalize();
        if (model == null || !key.equals(path) || !deviceChoice.equals(device)) {
            release();
            NDManager m = NDManager.newBaseManager(Engines.device(deviceChoice), "PyTorch");
            try {
                model = GenerationModels.load(opened, m);
            } catch (IOException | RuntimeException e) {
                m.close();
                throw e;
            }
            pkg = opened;
            manager = m;
            path = key;
            device = deviceChoice;
        }
        return new Loaded(pkg, model, manager);
    }

    /** Frees the loaded model's native memory. */
    static synchronized void release() {
        if (manager != null) {
            manager.close();
        }
        manager = null;
        model = null;
        pkg = null;
        path = null;
        device = null;
    }
}
