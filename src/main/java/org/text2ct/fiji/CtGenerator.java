package org.text2ct.fiji;

import ij.ImagePlus;
import java.io.IOException;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.pipeline.GenerateRequest;
import org.text2ct.pipeline.GenerationPipeline;
import org.text2ct.pipeline.GenerationResult;
import org.text2ct.pipeline.pkg.ModelManifest;

/**
 * Text → CT → ImagePlus, shared by the menu entry, its macro form and the SciJava command:
 * settings in, the calibrated image out (not shown). Model defaults fill what was left blank.
 */
final class CtGenerator {
    private CtGenerator() {
    }

    static ImagePlus generate(GenerateCtSettings s, ProgressListener progress, CancelToken cancel) throws IOException {
        WindowPreset window = WindowPreset.parse(s.window());
        return toImage(volume(s, progress, cancel), window, s);
    }

    /** The generated volume and its recipe, for callers that write files rather than show images. */
    static GenerationResult volume(GenerateCtSettings s, ProgressListener progress, CancelToken cancel) throws IOException {
        ModelChoice.applyCacheFolder();
        LoadedModel.Loaded m = LoadedModel.get(ModelChoice.resolve(s.modelDir()),
                s.device() == null || s.device().isBlank() ? GenerateCtSettings.DEFAULT_DEVICE : s.device());
        return new GenerationPipeline(m.model(), m.manager()).generate(request(s, m.pkg().manifest()), progress, cancel);
    }

    static ImagePlus toImage(GenerationResult result, WindowPreset window, GenerateCtSettings s) {
        return ImagePlusBridge.toImagePlus(result.volume(), result.metadata(), window,
                ImagePlusBridge.title(s.prompt(), s.seed()));
    }

    static GenerateRequest request(GenerateCtSettings s, ModelManifest manifest) {
        int steps = s.numSteps() > 0 ? s.numSteps() : manifest.scheduler().numInferenceSteps();
        double guidance = s.guidanceScale() > 0 ? s.guidanceScale() : manifest.guidance().scale();
        int[] size = Triples.ints(s.outputSize(), "output_size", manifest.output().size());
        double[] spacing = Triples.doubles(s.outputSpacing(), "output_spacing", manifest.output().spacing());
        return new GenerateRequest(s.prompt(), s.seed(), steps, guidance, size, spacing, 0);
    }
}
