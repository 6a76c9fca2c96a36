package org.text2ct.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.pipeline.eval.EvaluationRequest;
import org.text2ct.pipeline.eval.EvaluationResult;
import org.text2ct.pipeline.eval.Extractors;
import org.text2ct.pipeline.eval.FeatureEvaluation;
import org.text2ct.volume.CtVolume;

/** The evaluation dialog's fields as a request to the evaluation engine; shared by the menu entry and the SciJava command. */
final class CtEvaluator {
    static final String DEFAULT_EXTRACTOR = Extractors.VAE_LATENT;
    static final String DEFAULT_VIEWS = "axial,sagittal,coronal";

    private CtEvaluator() {
    }

    /** Blank {@code generatedDir} means the open stacks; blank {@code promptsFile} skips CLIP. */
    static EvaluationRequest request(String generatedDir, String referenceDir, String promptsFile, String extractor,
            String views) throws IOException {
        List<CtVolume> generated = generatedDir.isBlank() ? EvaluationSets.openImages()
                : EvaluationSets.folder(generatedDir, "generated_dir");
        List<CtVolume> reference = EvaluationSets.folder(referenceDir, "reference_dir");
        List<String> prompts = promptsFile.isBlank() ? List.of()
                : Files.readAllLines(Path.of(promptsFile.trim())).stream().filter(l -> !l.isBlank()).toList();
        return new EvaluationRequest(generated, reference, prompts, EvaluationSets.views(views), extractor.trim());
    }

    /** The vae-latent extractor uses the chosen model package's VAE (as {@code text2ct evaluate --model}). */
    static EvaluationResult evaluate(EvaluationRequest request, ProgressListener progress, CancelToken cancel) {
        Extractors extractors = new Extractors(GenerateCtSettings.DEFAULT_DEVICE);
        Path model = ModelChoice.resolve("");
        if (model != null) {
            extractors.withModelPackage(model);
        }
        return new FeatureEvaluation(extractors, null).evaluate(request, progress, cancel);
    }
}
