package org.text2ct.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.pipeline.pkg.ModelPackageWriter;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

/**
 * Writes a package with a tuned autoencoder: everything else (UNet, text encoder, tokenizer,
 * scheduler, guidance, latent scale factor, output) is copied from the source package, whose
 * record goes into the new provenance.
 */
final class DecoderPackage {

    private DecoderPackage() {
    }

    static ModelPackage write(Path dir, ModelPackage source, Map<String, TensorData> vae, String configJson,
            JsonObject provenance) throws IOException {
        ModelManifest m = source.manifest();
        JsonObject from = new JsonObject();
        from.addProperty("name", m.name());
        from.addProperty("autoencoder_sha256", m.autoencoder().sha256());
        from.add("provenance", m.provenance());
        JsonObject p = provenance.deepCopy();
        p.add("decoder_tuned_from", from);
        ModelManifest tuned = new ModelManifest(m.formatVersion(), dir.getFileName().toString(),
                m.description() + "; VAE decoder fine-tuned by text2ct tune-decoder", m.autoencoder(), m.unet(),
                m.textEncoder(), m.scheduler(), m.guidance(), m.latentScaleFactor(), m.output(), m.conditioning(),
                m.promptTemplate(), p);
        Path weights = Files.createTempFile(dir.toAbsolutePath().getParent(), "." + dir.getFileName(), ".vae.safetensors");
        try {
            SafeTensorsWriter.write(weights, vae, Map.of(WeightMetadata.CONFIG, configJson), true);
            Path d = source.directory();
            return ModelPackageWriter.write(dir, tuned, new ModelPackageWriter.Sources(weights,
                    d.resolve(m.unet().file()), source.textEncoderWeights().orElse(null),
                    source.tokenizer().orElse(null)), true);
        } finally {
            Files.deleteIfExists(weights);
        }
    }
}
