package org.text2ct.fiji;

import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.text2ct.pipeline.eval.Evaluation;
import org.text2ct.pipeline.eval.EvaluationRequest;
import org.text2ct.pipeline.eval.VolumeSource;

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
        gd.addStringField("extractor", "radimagenet-resnet50", 24);
        gd.addStringField("views", "axial,sagittal,coronal", 24);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            String generatedDir = gd.getNextString();
            List<VolumeSource> generated = generatedDir.isBlank() ? EvaluationSets.openImages()
                    : EvaluationSets.folder(generatedDir, "generated_dir");
            List<VolumeSource> reference = EvaluationSets.folder(gd.getNextString(), "reference_dir");
            String promptsFile = gd.getNextString().trim();
            List<String> prompts = promptsFile.isEmpty() ? List.of()
                    : Files.readAllLines(Path.of(promptsFile)).stream().filter(l -> !l.isBlank()).toList();
            EvaluationRequest request = new EvaluationRequest(generated, reference, prompts, gd.getNextString().trim(),
                    EvaluationSets.views(gd.getNextString()));
            ResultsTable rt = ResultsTable.getResultsTable();
            EvaluationTable.addRow(rt, evaluation().evaluate(request, new StatusBarProgress(COMMAND), new EscapeCancel()));
            rt.show("Results");
        } catch (Exception | OutOfMemoryError | LinkageError e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }

    private static Evaluation evaluation() {
        return ServiceLoader.load(Evaluation.class, EvaluateCtPlugin.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("this build has no evaluation engine: "
                        + "install a Text2CT release that includes FID/CLIP evaluation"));
    }
}
