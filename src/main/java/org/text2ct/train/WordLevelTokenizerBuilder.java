package org.text2ct.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level Hugging Face {@code tokenizer.json} for a text encoder trained from scratch on a
 * report vocabulary: lowercase, split into words and punctuation (the tokenizers library's
 * Whitespace pre-tokenizer, {@code \w+|[^\w\s]+}), T5's special tokens ({@code <pad>} 0,
 * {@code </s>} 1 appended to every text, {@code <unk>} 2), then the words by frequency.
 */
public final class WordLevelTokenizerBuilder {
    public static final String PAD = "<pad>";
    public static final String EOS = "</s>";
    public static final String UNK = "<unk>";
    private static final Pattern WORD = Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Integer> counts = new HashMap<>();

    public WordLevelTokenizerBuilder add(String text) {
        for (String w : words(text)) {
            counts.merge(w, 1, Integer::sum);
        }
        return this;
    }

    /** The words of a text as the tokenizer splits them (for sizing the maximum length). */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Special tokens and every word seen, most frequent first (ties alphabetical, so the ids are stable). */
    public List<String> vocabulary() {
        List<String> vocab = new ArrayList<>(List.of(PAD, EOS, UNK));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> vocab.add(e.getKey()));
        return vocab;
    }

    public void write(Path file) throws IOException {
        List<String> vocab = vocabulary();
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", null);
        root.add("padding", null);
        JsonArray added = new JsonArray();
        for (int id = 0; id < 3; id++) {
            JsonObject t = new JsonObject();
            t.addProperty("id", id);
            t.addProperty("content", vocab.get(id));
            t.addProperty("single_word", false);
            t.addProperty("lstrip", false);
            t.addProperty("rstrip", false);
            t.addProperty("normalized", false);
            t.addProperty("special", true);
            added.add(t);
        }
        root.add("added_tokens", added);
        root.add("normalizer", type("Lowercase"));
        root.add("pre_tokenizer", type("Whitespace"));
        root.add("post_processor", appendEos());
        root.add("decoder", null);
        JsonObject model = type("WordLevel");
        JsonObject ids = new JsonObject();
        for (int i = 0; i < vocab.size(); i++) {
            ids.addProperty(vocab.get(i), i);
        }
        model.add("vocab", ids);
        model.addProperty("unk_token", UNK);
        root.add("model", model);
        Files.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root),
                StandardCharsets.UTF_8);
    }

    /** TemplateProcessing that appends {@code </s>}, as T5's tokenizer does. */
    private static JsonObject appendEos() {
        JsonObject p = type("TemplateProcessing");
        p.add("single", template(false));
        p.add("pair", template(true));
        JsonObject eos = new JsonObject();
        eos.addProperty("id", EOS);
        JsonArray eosIds = new JsonArray();
        eosIds.add(1);
        eos.add("ids", eosIds);
        JsonArray eosTokens = new JsonArray();
        eosTokens.add(EOS);
        eos.add("tokens", eosTokens);
        JsonObject special = new JsonObject();
        special.add(EOS, eos);
        p.add("special_tokens", special);
        return p;
    }

    private static JsonArray template(boolean pair) {
        JsonArray a = new JsonArray();
        for (String seq : pair ? new String[] {"A", "B"} : new String[] {"A"}) {
            a.add(piece("Sequence", seq));
            a.add(piece("SpecialToken", EOS));
        }
        return a;
    }

    private static JsonObject piece(String kind, String id) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", id);
        inner.addProperty("type_id", 0);
        JsonObject o = new JsonObject();
        o.add(kind, inner);
        return o;
    }

    private static JsonObject type(String name) {
        JsonObject o = new JsonObject();
        o.addProperty("type", name);
        return o;
    }
}
