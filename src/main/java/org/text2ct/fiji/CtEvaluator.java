package org.text2ct.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.pipeline.eval.Evaluation;
import org.text2ct.pipeline.eval.EvaluationRequest;
import org.text2ct.pipeline.eval.EvaluationResult;
import org.text2ct.pipeline.eval.VolumeSource;

/** The evaluation dialog's fields as a request to the evaluation engine; shared by the menu entry and the SciJava command. */
final class CtEvaluator {
    static final String DEFAULT_EXTRACTOR = "radimagenet-resnet50";
    static final String DEFAULT_VIEWS = "axial,sagittal,coronal";

    private CtEvaluator() {
    }

    /** Blank {@code generatedDir} means the open stacks; blank {@code promptsFile} skips CLIP. */
    static EvaluationRequest request(String generatedDir, String referenceDir, String promptsFile, String extractor,
            String views) throws IOException {
        List<VolumeSource> generated = generatedDir.isBlank() ? EvaluationSets.openImages()
                : EvaluationSets.folder(generatedDir, "generated_dir");
        List<VolumeSource> reference = EvaluationSets.folder(referenceDir, "reference_dir");
        List<String> prompts = promptsFile.isBlank() ? List.of()
                : Files.readAllLines(Path.of(promptsFile.trim())).stream().filter(l -> !l.isBlank()).toList();
        return new EvaluationRequest(generated, reference, prompts, extractor.trim(), EvaluationSets.views(views));
    }

    static EvaluationResult evaluate(EvaluationRequest request, ProgressListener progress, CancelToken cancel)
            throws IOException {
        Evaluation engine = ServiceLoader.load(Evaluation.class, CtEvaluator.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("this build has no evaluation engine: "
                        + "install a Text2CT release that includes FID/CLIP evaluation"));
        return engine.evaluate(request, progress, cancel);
    }
}
