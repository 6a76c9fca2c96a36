package org.text2ct.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: one subcommand per use case, sharing the engine with Fiji. */
@Command(name = "text2ct", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Text-to-CT synthesis with a latent diffusion model (MAISI networks).",
        subcommands = {CommandLine.HelpCommand.class, VerifyCommand.class, BenchCommand.class, InfoCommand.class,
                PreprocessCommand.class, ImportCommand.class, GenerateCommand.class, EvaluateCommand.class,
                MakePhantomsCommand.class, TrainVaeCommand.class, TrainLdmCommand.class, TuneDecoderCommand.class,
                FaithfulnessCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (Boolean.getBoolean("text2ct.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cli.execute(args);
    }
}
