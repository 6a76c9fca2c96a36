package org.text2ct.pipeline;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.text2ct.model.text.BiomedClipTextConfig;
import org.text2ct.model.text.BiomedClipTextTower;
import org.text2ct.model.text.T5Config;
import org.text2ct.model.text.T5Encoder;
import org.text2ct.nn.ParamStore;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.text.TextTokenizer;
import org.text2ct.weights.SafeTensorsFile;

/** Loads everything a generation run needs from a verified model package, with strict weight binding. */
public final class GenerationModels {
    private GenerationModels() {
    }

    public static GenerationModel load(ModelPackage pkg, NDManager manager) throws IOException {
        ModelManifest m = pkg.manifest();
        String id = m.name() + "@" + m.unet().sha256().substring(0, 12);
        return new GenerationModel(pkg.loadVae(manager), pkg.loadUnet(manager), text(pkg, manager), pkg.scheduler(),
                (float) m.latentScaleFactor(), m.conditioning().classLabel() == null ? null
                        : Long.valueOf(m.conditioning().classLabel()),
                m.guidance().nullContext() == ModelManifest.NullContext.ZEROS, m.promptTemplate(), id);
    }

    private static TextConditioner text(ModelPackage pkg, NDManager manager) throws IOException {
        ModelManifest.TextEncoderEntry e = pkg.manifest().textEncoder();
        if (e.type() == ModelManifest.TextEncoderType.NONE) {
            return null;
        }
        Path weights = pkg.textEncoderWeights().orElseThrow();
        boolean maskPadding = pkg.manifest().conditioning().maskPadding();
        TextTokenizer tokenizer = TextTokenizer.open(pkg.tokenizer().orElseThrow(), e.tokenizer().maxLength());
        try (SafeTensorsFile w = SafeTensorsFile.open(weights)) {
            ParamStore p = new ParamStore(w, manager);
            if (e.type() == ModelManifest.TextEncoderType.T5) {
                T5Encoder t5 = new T5Encoder(T5Config.fromJson(e.config().toString()), p);
                p.checkStrict();
                return new TokenizedTextEncoder(tokenizer, t5::forward, t5.config().dModel(), maskPadding);
            }
            BiomedClipTextTower tower = new BiomedClipTextTower(BiomedClipTextConfig.fromJson(e.config().toString()), p);
            p.checkStrict();
            return new TokenizedTextEncoder(tokenizer, (ids, mask) -> tower.forward(ids).lastHiddenState(),
                    tower.config().bert().hiddenSize(), maskPadding);
        }
    }
}
