package org.text2ct.pipeline.eval;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.text2ct.model.features.VisionTransformer;
import org.text2ct.model.text.BiomedClipTextTower;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.text.TextTokenizer;
import org.text2ct.weights.MapStateDict;
import org.text2ct.weights.PtFile;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.Sha256;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;
import org.text2ct.weights.WeightFileException;

/**
 * Opens BiomedCLIP as published on Hugging Face (microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224):
 * a folder with {@value #CONFIG}, the open_clip state dict ({@code .bin}, read by the restricted
 * unpickler, or {@code .safetensors}), {@value #TOKENIZER}, and optionally the text model's
 * Hugging Face {@value #BERT_CONFIG} (without it, PubMedBERT-base's sizes). The state dict's keys
 * are open_clip's, which the towers bind directly; every key must be used and fit.
 */
public final class BiomedClipCheckpoint {
    public static final String CONFIG = "open_clip_config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String BERT_CONFIG = "config.json";
    /** Weight file names, looked for in this order. */
    public static final List<String> WEIGHTS = List.of("open_clip_model.safetensors",
            "open_clip_pytorch_model.safetensors", "open_clip_pytorch_model.bin");
    /** The contrastive temperature: training only. */
    static final String LOGIT_SCALE = "logit_scale";
    /** BERT's pooler: open_clip pools the [CLS] row of the last hidden state itself and never runs it. */
    static final String TEXT_POOLER = "text.transformer.pooler.";

    private BiomedClipCheckpoint() {
    }

    /**
     * @param sha256 the weight file's expected SHA-256 in hex, or null to skip the check
     * @param device where the towers run: "auto", "cpu" or "gpu" as {@link Engines#device} reads it
     */
    public static BiomedClipScorer open(Path dir, String sha256, String device) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder; give the BiomedCLIP folder downloaded from "
                    + "Hugging Face (" + CONFIG + ", " + WEIGHTS.get(2) + " and " + TOKENIZER + ")");
        }
        Path bert = dir.resolve(BERT_CONFIG);
        OpenClipConfig config = OpenClipConfig.read(require(dir, CONFIG), Files.isRegularFile(bert) ? bert : null);
        Path tokenizerJson = tokenizer(dir);
        Path weights = weights(dir);
        if (sha256 != null && !sha256.isBlank()) {
            Sha256.verify(weights, sha256);
        }
        NDManager manager = NDManager.newBaseManager(Engines.device(device), "PyTorch");
        try (StateDict file = openWeights(weights)) {
            StateDict dict = scoringTensors(file);
            ParamStore p = new ParamStore(dict, manager);
            VisionTransformer image = new VisionTransformer(VitShapes.config(dict, config), p);
            BiomedClipTextTower text = new BiomedClipTextTower(config.text(), p);
            p.checkStrict();
            return new BiomedClipScorer(image, text, TextTokenizer.open(tokenizerJson, config.text().contextLength()),
                    manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Path require(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(dir + " has no " + name + "; download it with the rest of the BiomedCLIP "
                    + "folder from Hugging Face (microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224)");
        }
        return p;
    }

    private static Path tokenizer(Path dir) {
        if (!Files.isRegularFile(dir.resolve(TOKENIZER)) && Files.isRegularFile(dir.resolve("vocab.txt"))) {
            throw new IllegalArgumentException(dir + " has vocab.txt but no " + TOKENIZER + "; add the " + TOKENIZER
                    + " of PubMedBERT (microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract on Hugging Face) to the folder");
        }
        return require(dir, TOKENIZER);
    }

    private static Path weights(Path dir) {
        return WEIGHTS.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dir + " has no BiomedCLIP weights (" + String.join(", ", WEIGHTS)
                        + "); download open_clip_pytorch_model.bin from Hugging Face into it"));
    }

    private static StateDict openWeights(Path file) throws IOException {
        StateDict dict = file.getFileName().toString().endsWith(".safetensors") ? SafeTensorsFile.open(file)
                : PtFile.open(file);
        if (dict.keys().isEmpty()) {
            dict.close();
            throw new WeightFileException(file, "holds no tensors at its top level; expected open_clip's state dict");
        }
        return dict;
    }

    /** The file's tensors without those scoring never reads. */
    private static StateDict scoringTensors(StateDict file) {
        Map<String, TensorData> kept = new LinkedHashMap<>();
        for (String k : file.keys()) {
            if (!k.equals(LOGIT_SCALE) && !k.startsWith(TEXT_POOLER)) {
                kept.put(k, file.get(k));
            }
        }
        return new MapStateDict(file.source(), kept, file.metadata());
    }
}
