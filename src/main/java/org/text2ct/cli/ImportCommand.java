package org.text2ct.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code import}: converts published checkpoints into the files of a model package, then assembles one. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert published checkpoints (MONAI MAISI .pt, Hugging Face T5) and assemble a model package.",
        subcommands = {ImportVaeCommand.class, ImportUnetCommand.class, ImportT5Command.class,
            ImportPackageCommand.class})
public final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to import: vae, unet, t5 or package");
    }

    /** The text of a --config file, or the fallback when none was given. */
    static String configJson(Path file, String fallback) throws IOException {
        return file == null ? fallback : Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Where a config came from, for error messages. */
    static String configOrigin(Path file) {
        return file == null ? "the built-in default config" : "--config " + file;
    }
}
