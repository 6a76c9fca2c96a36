package org.text2ct.fiji;

import ij.measure.ResultsTable;
import java.io.File;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** "Evaluate FID and CLIP" for scripts and headless runs; the menu entry is {@link EvaluateCtPlugin}. */
@Plugin(type = Command.class, label = "Evaluate FID and CLIP", headless = true)
public class EvaluateCtCommand extends ContextCommand {
    @Parameter(label = "Generated volumes folder (blank = open stacks)", required = false)
    private File generated_dir;

    @Parameter(label = "Reference volumes folder")
    private File reference_dir;

    @Parameter(label = "Prompts file (blank = no CLIP)", required = false)
    private File prompts_file;

    @Parameter(label = "CLIP model folder (BiomedCLIP from Hugging Face; blank = no CLIP)", required = false)
    private File clip_dir;

    @Parameter(required = false)
    private String extractor = CtEvaluator.DEFAULT_EXTRACTOR;

    @Parameter(required = false)
    private String views = CtEvaluator.DEFAULT_VIEWS;

    /** One row with EvaluationTable's columns. */
    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable results;

    @Override
    public void run() {
        try {
            var request = CtEvaluator.request(path(generated_dir), path(reference_dir), path(prompts_file), extractor, views);
            ResultsTable rt = new ResultsTable();
            EvaluationTable.addRow(rt, CtEvaluator.evaluate(request, path(clip_dir), new StatusBarProgress("Evaluate FID and CLIP"),
                    new EscapeCancel()));
            results = rt;
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            cancel(UserErrors.message(e));
        } finally {
            StatusBarProgress.done();
        }
    }

    private static String path(File f) {
        return f == null ? "" : f.getPath();
    }
}
