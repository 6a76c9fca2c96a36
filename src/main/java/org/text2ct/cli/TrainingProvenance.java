package org.text2ct.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.text2ct.train.TrainingSet;
import picocli.CommandLine.Model.CommandSpec;

/** What a training command records in model.json: the tool, its command line, seed and the data it read. */
final class TrainingProvenance {

    private TrainingProvenance() {
    }

    static JsonObject of(String tool, CommandSpec spec, TrainingSet set, Path data, long seed) throws IOException {
        JsonObject p = new JsonObject();
        p.addProperty("tool", tool);
        p.addProperty("command_line", "text2ct " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        p.addProperty("training_cases", set.cases().size());
        p.addProperty("seed", seed);
        Path dataset = data.resolve("dataset.json");
        if (Files.isRegularFile(dataset)) {
            p.add("data", JsonParser.parseString(Files.readString(dataset, StandardCharsets.UTF_8)));
        }
        return p;
    }
}
