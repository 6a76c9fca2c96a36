package org.text2ct.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Prompts for a batch: a text file with one prompt per line, or a CSV file (header {@code prompt}
 * and optionally {@code seed}). A prompt without its own seed gets the base seed plus its index,
 * so every volume has its own recorded seed.
 */
public final class PromptList {
    public record Entry(String prompt, long seed) {
    }

    private PromptList() {
    }

    public static List<Entry> read(Path file, long baseSeed) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": prompt file not found");
        }
        List<Entry> entries = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? csv(file, baseSeed) : lines(file, baseSeed);
        if (entries.isEmpty()) {
            throw new IOException(file + ": no prompts in the file");
        }
        return entries;
    }

    /** The prompts alone, in file order, for scoring volumes generated from the same file. */
    public static List<String> prompts(Path file) throws IOException {
        return read(file, 0).stream().map(Entry::prompt).toList();
    }

    private static List<Entry> lines(Path file, long baseSeed) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(new Entry(line.strip(), baseSeed + out.size()));
            }
        }
        return out;
    }

    private static List<Entry> csv(Path file, long baseSeed) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        List<Entry> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = format.parse(r);
            if (!parser.getHeaderMap().containsKey("prompt")) {
                throw new IOException(file + ": the CSV needs a header row with a 'prompt' column (and optionally 'seed')");
            }
            boolean seeds = parser.getHeaderMap().containsKey("seed");
            for (CSVRecord rec : parser) {
                String prompt = rec.get("prompt");
                if (prompt.isBlank()) {
                    continue;
                }
                String s = seeds ? rec.get("seed") : "";
                try {
                    out.add(new Entry(prompt, s.isBlank() ? baseSeed + out.size() : Long.parseLong(s)));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ", line " + rec.getRecordNumber() + ": seed '" + s + "' is not a whole number");
                }
            }
        }
        return out;
    }
}
