package org.text2ct.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.text.TextTokenizer;
import org.text2ct.text.TokenIds;

class WordLevelTokenizerBuilderTest {

    @Test
    void vocabularyIsSpecialTokensThenWordsByFrequency() {
        WordLevelTokenizerBuilder b = new WordLevelTokenizerBuilder().add("Nodule in the left lung.").add("The lung.");
        assertEquals(List.of("<pad>", "</s>", "<unk>", ".", "lung", "the", "in", "left", "nodule"), b.vocabulary());
    }

    @Test
    void writtenTokenizerLoadsThroughTheProductTokenizerWithEosAndPadding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokenizer.json");
        new WordLevelTokenizerBuilder().add("Nodule in the left lung.").add("The lung.").write(file);
        try (TextTokenizer t = TextTokenizer.open(file, 8)) {
            TokenIds ids = t.encode("the LEFT lung, enlarged");
            assertArrayEquals(new long[] {5, 7, 4, 2, 2, 1, 0, 0}, ids.inputIds());
            assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 0, 0}, ids.attentionMask());
            assertArrayEquals(new long[] {1, 0, 0, 0, 0, 0, 0, 0}, t.encode("").inputIds());
        }
    }
}
