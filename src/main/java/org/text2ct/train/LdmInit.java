package org.text2ct.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderEntry;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;

/**
 * Where fine-tuning starts: a checked model package whose UNet and T5 text encoder are trained
 * further, while its VAE stays frozen and its tokenizer, scheduler and latent scale factor are
 * kept, so the fine-tuned package stays consistent with what the networks learned.
 */
public record LdmInit(ModelPackage pkg, Map<String, TensorData> unet, Map<String, TensorData> text) {

    public static LdmInit of(ModelPackage p) throws IOException {
        TextEncoderEntry t = p.manifest().textEncoder();
        if (t.type() != TextEncoderType.T5) {
            throw new TrainingDataException(p.directory() + ": fine-tuning needs a package with a T5 text encoder, this one has "
                    + t.type().label());
        }
        return new LdmInit(p, read(p.directory().resolve(p.manifest().unet().file())),
                read(p.textEncoderWeights().orElseThrow()));
    }

    public String unetJson() {
        return pkg.manifest().unet().config().toString();
    }

    public Path vaeFile() {
        return pkg.directory().resolve(pkg.manifest().autoencoder().file());
    }

    public double scaleFactor() {
        return pkg.manifest().latentScaleFactor();
    }

    public ModelManifest manifest() {
        return pkg.manifest();
    }

    /** The package's encoder to train on, from its weights, or from {@code resumed} (a checkpoint's) when given. */
    public LdmText text(NDManager manager, long seed, Map<String, TensorData> resumed) throws IOException {
        TextEncoderEntry t = pkg.manifest().textEncoder();
        return LdmText.trainable(t.config().toString(), pkg.tokenizer().orElseThrow(), t.tokenizer().maxLength(),
                manager, seed, resumed.isEmpty() ? text : resumed);
    }

    /** Every tensor of a safetensors file as floats. */
    static Map<String, TensorData> read(Path file) throws IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
            return f.copyAsFloats();
        }
    }
}
