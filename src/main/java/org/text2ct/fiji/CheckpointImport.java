package org.text2ct.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.text2ct.pipeline.bench.ReleasedConfigs;
import org.text2ct.pipeline.importers.PackageAssembler;
import org.text2ct.pipeline.importers.PackageRequest;
import org.text2ct.pipeline.importers.T5Importer;
import org.text2ct.pipeline.importers.UnetImporter;
import org.text2ct.pipeline.importers.VaeImporter;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelManifest.Guidance;
import org.text2ct.pipeline.pkg.ModelManifest.NullContext;
import org.text2ct.pipeline.pkg.ModelManifest.Output;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;
import org.text2ct.pipeline.pkg.ModelPackage;

/**
 * Text2CT Models' "import": published MAISI VAE and UNet checkpoints plus a Hugging Face T5
 * folder into a model package, through the same importers as {@code text2ct import}, with the
 * CLI's defaults (rectified flow, guidance 5, released configs unless a config file is given).
 */
final class CheckpointImport {
    private CheckpointImport() {
    }

    record Sources(Path vae, String vaeConfig, Path unet, String unetConfig, Path t5Folder) {
    }

    static ModelPackage importPackage(Sources s, String name, int[] size, double[] spacing, Path output) throws IOException {
        if (Files.exists(output)) {
            throw new IllegalArgumentException(output + " already exists: choose another package folder");
        }
        Path parts = Files.createTempDirectory(output.toAbsolutePath().getParent(), name + "-parts");
        try {
            return assemble(s, name, size, spacing, output, parts);
        } finally {
            try (Stream<Path> files = Files.walk(parts)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    private static ModelPackage assemble(Sources s, String name, int[] size, double[] spacing, Path output, Path parts)
            throws IOException {
        Path vae = parts.resolve(ModelManifest.AUTOENCODER_FILE);
        Path unet = parts.resolve(ModelManifest.UNET_FILE);
        VaeImporter.importPt(s.vae(), config(s.vaeConfig(), ReleasedConfigs.MAISI_VAE_JSON), origin(s.vaeConfig()), vae, false);
        UnetImporter.importPt(s.unet(), null, config(s.unetConfig(), ReleasedConfigs.TEXT2CT_UNET_JSON),
                origin(s.unetConfig()), null, unet, false);
        T5Importer.importFolder(s.t5Folder(), parts, false);
        PackageRequest request = new PackageRequest(name, "imported in Fiji", vae, unet, TextEncoderType.T5, parts, 512,
                SchedulerType.RECTIFIED_FLOW, null, null, new Guidance(Guidance.DEFAULT_SCALE, NullContext.EMPTY_PROMPT),
                null, new Output(size, spacing), null, ModelManifest.PROMPT_PLACEHOLDER);
        return PackageAssembler.assemble(request, output, false);
    }

    private static String config(String file, String released) throws IOException {
        return file == null || file.isBlank() ? released : Files.readString(Path.of(file.trim()));
    }

    private static String origin(String file) {
        return file == null || file.isBlank() ? "the released config" : file.trim();
    }
}
