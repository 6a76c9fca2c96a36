package org.text2ct.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.pipeline.PromptList;
import org.text2ct.pipeline.eval.BiomedClipCheckpoint;
import org.text2ct.pipeline.eval.BiomedClipScorer;
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
        List<String> prompts = promptsFile.isBlank() ? List.of() : PromptList.prompts(Path.of(promptsFile.trim()));
        return new EvaluationRequest(generated, reference, prompts, EvaluationSets.views(views), extractor.trim());
    }

    /**
     * The vae-latent extractor uses the chosen model package's VAE (as {@code text2ct evaluate --model});
     * CLIP score uses the BiomedCLIP folder {@code clipDir} (as {@code --clip}), which prompts need.
     */
    static EvaluationResult evaluate(EvaluationRequest request, String clipDir, ProgressListener progress,
            CancelToken cancel) throws IOException {
        boolean prompts = !request.prompts().isEmpty();
        if (prompts && clipDir.isBlank()) {
            throw new IllegalArgumentException("prompts_file: CLIP score needs BiomedCLIP; give clip_dir, the folder "
                    + "downloaded from Hugging Face (microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224)");
        }
        if (!prompts && !clipDir.isBlank()) {
            throw new IllegalArgumentException("clip_dir: CLIP score needs the prompts of the generated volumes; give prompts_file");
        }
        Extractors extractors = new Extractors(GenerateCtSettings.DEFAULT_DEVICE);
        Path model = ModelChoice.resolve("");
        if (model != null) {
            extractors.withModelPackage(model);
        }
        try (BiomedClipScorer clip = prompts
                ? BiomedClipCheckpoint.open(Path.of(clipDir.trim()), null, GenerateCtSettings.DEFAULT_DEVICE) : null) {
            return new FeatureEvaluation(extractors, clip).evaluate(request, progress, cancel);
        }
    }
}
