package org.text2ct.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.pipeline.importers.ImportedTextEncoder;
import org.text2ct.pipeline.importers.T5Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import t5}: a Hugging Face T5 folder to text_encoder.safetensors and tokenizer.json. */
@Command(name = "t5", mixinStandardHelpOptions = true,
        description = "Import a Hugging Face T5 folder (model.safetensors, config.json, tokenizer.json): "
                + "keeps the encoder, drops the decoder.")
public final class ImportT5Command implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The Hugging Face model folder")
    Path folder;

    @Option(names = {"-o", "--output"}, defaultValue = ".",
            description = "Folder for text_encoder.safetensors and tokenizer.json (default: the current folder)")
    Path output;

    @Option(names = "--overwrite", description = "Replace existing output files")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        ImportedTextEncoder t = T5Importer.importFolder(folder, output, overwrite);
        spec.commandLine().getOut().println("import t5: wrote " + t.weights() + " (" + t.keptTensors()
                + " encoder tensors kept, " + t.droppedTensors() + " decoder/LM-head tensors dropped) and "
                + t.tokenizer());
        return 0;
    }
}
