package org.text2ct.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.cache.CacheDir;

/**
 * Tokenizers built from the small hand-written tokenizer.json files in src/test/resources/tokenizers:
 * a T5-style SentencePiece unigram vocabulary (pad 0, {@code </s>} 1, unk 2, {@code ▁}-prefixed
 * pieces) and a PubMedBERT-style lower-casing WordPiece vocabulary ([PAD] 0, [UNK] 1, [CLS] 2,
 * [SEP] 3). Expected ids are read off those vocabularies by hand.
 */
class TextTokenizerTest {
    static final String T5 = "t5-unigram-tiny.json";
    static final String BERT = "bert-wordpiece-tiny.json";

    static Path tokenizer(String name) {
        try {
            return Path.of(TextTokenizerTest.class.getResource("/tokenizers/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TokenIds encode(String file, int maxLength, String prompt) throws IOException {
        try (TextTokenizer t = TextTokenizer.open(tokenizer(file), maxLength)) {
            return t.encode(prompt);
        }
    }

    @Test
    void t5AppendsEndOfSequenceAndPadsWithZero() throws Exception {
        // ▁no ▁effusion ▁in ▁the ▁left ▁lung s . </s>, then padding
        TokenIds ids = encode(T5, 12, "no effusion in the left lungs.");
        assertArrayEquals(new long[] {14, 15, 8, 4, 9, 5, 6, 13, 1, 0, 0, 0}, ids.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}, ids.attentionMask());
        assertEquals(9, ids.realTokens());
    }

    @Test
    void t5UnigramPrefersTheMostLikelySegmentation() throws Exception {
        // "▁effusion" (-3.5) beats "▁ef"+"fusion" (-8.5); repeated spaces collapse; "," is its own piece.
        TokenIds ids = encode(T5, 8, "the   nodule, right upper lobe");
        assertArrayEquals(new long[] {4, 7, 18, 10, 11, 12, 1, 0}, ids.inputIds());
        assertArrayEquals(new long[] {16, 3, 17, 1}, encode(T5, 4, "ef fusion").inputIds());
    }

    @Test
    void t5IsCaseSensitiveAndMapsUnknownCharactersToUnk() throws Exception {
        // "▁Nodule": no piece for "N", so ▁ <unk> o d u l e
        TokenIds ids = encode(T5, 9, "Nodule");
        assertArrayEquals(new long[] {3, 2, 35, 24, 40, 32, 25, 1, 0}, ids.inputIds());
    }

    @Test
    void t5TruncationKeepsEndOfSequence() throws Exception {
        TokenIds ids = encode(T5, 6, "a mass in the right upper lobe");
        assertArrayEquals(new long[] {19, 20, 8, 4, 10, 1}, ids.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1}, ids.attentionMask());
        assertTrue(ids.truncated());
        assertFalse(encode(T5, 8, "a mass in the right upper lobe").truncated());
    }

    @Test
    void bertWrapsInClsAndSepLowerCasesAndSplitsWordPieces() throws Exception {
        // [CLS] no eff ##usion in the left lung ##s . [SEP] [PAD]
        TokenIds ids = encode(BERT, 12, "No effusion in the LEFT lungs.");
        assertArrayEquals(new long[] {2, 15, 17, 18, 9, 5, 10, 6, 7, 14, 3, 0}, ids.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}, ids.attentionMask());
    }

    @Test
    void bertUnknownWordsAndTruncationKeepSep() throws Exception {
        // "ef" and "fusion" are not whole words of the vocabulary ("##usion" only continues one).
        TokenIds ids = encode(BERT, 7, "ef fusion: a mass in the right upper lobe");
        assertArrayEquals(new long[] {2, 1, 1, 1, 20, 21, 3}, ids.inputIds());
    }

    @Test
    void emptyPromptGivesOnlySpecialTokens() throws Exception {
        assertArrayEquals(new long[] {1, 0, 0, 0}, encode(T5, 4, "").inputIds());
        assertArrayEquals(new long[] {1, 0, 0, 0}, encode(T5, 4, "").attentionMask());
        assertArrayEquals(new long[] {2, 3, 0, 0}, encode(BERT, 4, "").inputIds());
        assertArrayEquals(new long[] {1, 1, 0, 0}, encode(BERT, 4, "").attentionMask());
    }

    @Test
    void longPromptsFillTheFullBiomedClipAndT5Lengths() throws Exception {
        String report = "nodule in the right upper lobe, ".repeat(100);
        TokenIds bert = encode(BERT, TextTokenizer.BIOMEDCLIP_MAX_LENGTH, report);
        assertEquals(256, bert.length());
        assertEquals(256, bert.realTokens());
        assertEquals(2, bert.inputIds()[0]);
        assertEquals(3, bert.inputIds()[255]);
        TokenIds t5 = encode(T5, TextTokenizer.T5_MAX_LENGTH, report);
        assertEquals(512, t5.length());
        assertEquals(1, t5.inputIds()[511]);
        // Longer than DJL's default model limit of 512: the requested length still holds.
        assertEquals(600, encode(T5, 600, report).length());
    }

    @Test
    void nativeLibraryIsUnpackedUnderOurCacheDir() throws Exception {
        encode(T5, 4, "lung");
        try (Stream<Path> files = Files.walk(CacheDir.path().resolve("djl").resolve("tokenizers"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("libtokenizers")));
        }
    }

    @Test
    void padIdComesFromTheFilesPaddingBlock(@TempDir Path dir) throws Exception {
        String json = Files.readString(tokenizer(T5)).replace("\"padding\": null",
                "\"padding\": {\"strategy\": \"BatchLongest\", \"direction\": \"Right\", \"pad_to_multiple_of\": null, "
                        + "\"pad_id\": 2, \"pad_type_id\": 0, \"pad_token\": \"<unk>\"}");
        Path file = Files.writeString(dir.resolve("tokenizer.json"), json);
        try (TextTokenizer t = TextTokenizer.open(file, 5)) {
            assertArrayEquals(new long[] {5, 1, 2, 2, 2}, t.encode("lung").inputIds());
            assertArrayEquals(new long[] {1, 1, 0, 0, 0}, t.encode("lung").attentionMask());
        }
    }

    @Test
    void nullPromptIsRefused() throws Exception {
        try (TextTokenizer t = TextTokenizer.open(tokenizer(T5), 8)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.encode(null));
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
    }

    @Test
    void missingOrBrokenFilesAndTooShortLengthsAreRefused(@TempDir Path dir) throws Exception {
        assertThrows(NoSuchFileException.class, () -> TextTokenizer.open(dir.resolve("tokenizer.json"), 8));
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"model\": {\"type\": \"Nonsense\"}}");
        IOException e = assertThrows(IOException.class, () -> TextTokenizer.open(broken, 8));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextTokenizer.open(tokenizer(T5), 1));
    }
}
