package org.text2ct.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.text2ct.text.ReportSection;
import org.text2ct.weights.TensorData;

/**
 * The from-scratch text side of the demo model: a word-level tokenizer of the training reports'
 * vocabulary (paraphrases included) and a small T5 encoder over it, with a maximum length that
 * fits the longest prompt training can form.
 */
public final class WordLevelText {
    private WordLevelText() {
    }

    /** Writes {@code tokenizer.json} into {@code workDir} and returns a trainable encoder of width {@code dModel}. */
    public static LdmText create(List<TrainingCase> cases, Path workDir, int dModel, int layers, NDManager manager,
            long seed, Map<String, TensorData> initial) throws IOException {
        WordLevelTokenizerBuilder b = new WordLevelTokenizerBuilder();
        for (TrainingCase c : cases) {
            for (ReportSection s : ReportSection.values()) {
                String text = c.sections().get(s);
                if (text != null) {
                    b.add(text);
                }
                c.paraphrases().of(s).forEach(b::add);
            }
        }
        Path tokenizer = workDir.resolve("tokenizer.json");
        b.write(tokenizer);
        String config = DemoConfigs.t5Json(b.vocabulary().size(), dModel, layers);
        return LdmText.trainable(config, tokenizer, promptLength(cases), manager, seed, initial);
    }

    /** Words of the longest prompt (every section at its longest wording) plus {@code </s>}, rounded up to 8. */
    static int promptLength(List<TrainingCase> cases) {
        int longest = 0;
        for (TrainingCase c : cases) {
            int words = 0;
            for (ReportSection s : ReportSection.values()) {
                String text = c.sections().get(s);
                int n = text == null ? 0 : WordLevelTokenizerBuilder.words(text).size();
                for (String p : c.paraphrases().of(s)) {
                    n = Math.max(n, WordLevelTokenizerBuilder.words(p).size());
                }
                words += n;
            }
            longest = Math.max(longest, words);
        }
        return (longest + 1 + 7) / 8 * 8;
    }
}
