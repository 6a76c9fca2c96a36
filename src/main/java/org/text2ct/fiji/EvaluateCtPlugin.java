package org.text2ct.fiji;

import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import org.text2ct.pipeline.eval.EvaluationRequest;

/**
 * Plugins > Text2CT > Evaluate FID and CLIP: generated volumes (a folder, or the open stacks)
 * against a reference folder; one row in the Results table with {@link EvaluationTable#COLUMNS}.
 */
public class EvaluateCtPlugin implements PlugIn {
    static final String COMMAND = "Evaluate FID and CLIP";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addStringField("generated_dir (blank = open stacks)", "", 40);
        gd.addStringField("reference_dir", "", 40);
        gd.addStringField("prompts_file (one per generated volume; blank = no CLIP)", "", 40);
        gd.addStringField("clip_dir (BiomedCLIP folder from Hugging Face; blank = no CLIP)", "", 40);
        gd.addStringField("extractor", CtEvaluator.DEFAULT_EXTRACTOR, 24);
        gd.addStringField("views", CtEvaluator.DEFAULT_VIEWS, 24);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            String generated = gd.getNextString();
            String reference = gd.getNextString();
            String prompts = gd.getNextString();
            String clipDir = gd.getNextString();
            EvaluationRequest request = CtEvaluator.request(generated, reference, prompts, gd.getNextString(),
                    gd.getNextString());
            ResultsTable rt = ResultsTable.getResultsTable();
            EvaluationTable.addRow(rt, CtEvaluator.evaluate(request, clipDir, new StatusBarProgress(COMMAND),
                    new EscapeCancel()));
            rt.show("Results");
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }
}
