package org.text2ct.fiji;

import ij.measure.ResultsTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.pipeline.PromptList;

/** A batch's prompts and seeds: a text/CSV file (the CLI's format), or the Results table's "prompt" (and "seed") columns. */
final class BatchPrompts {
    private BatchPrompts() {
    }

    static List<PromptList.Entry> read(String file, ResultsTable table, long baseSeed) throws IOException {
        if (!file.isBlank()) {
            return PromptList.read(Path.of(file.trim()), baseSeed);
        }
        if (table == null || table.size() == 0 || !table.columnExists("prompt")) {
            throw new IllegalArgumentException("no prompts: give prompts_file (one prompt per line, or a CSV with "
                    + "prompt[,seed] columns), or fill a Results table with a 'prompt' column");
        }
        boolean seeds = table.columnExists("seed");
        List<PromptList.Entry> jobs = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            String prompt = table.getStringValue("prompt", row);
            if (prompt != null && !prompt.isBlank()) {
                long seed = seeds ? (long) table.getValue("seed", row) : baseSeed + row;
                jobs.add(new PromptList.Entry(prompt, seed));
            }
        }
        return jobs;
    }
}
