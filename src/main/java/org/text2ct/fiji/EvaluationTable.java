package org.text2ct.fiji;

import ij.measure.ResultsTable;
import org.text2ct.pipeline.eval.EvaluationResult;

/** One evaluation as one row of a ResultsTable, so a macro reads {@code getResult("FID_axial", 0)}. */
final class EvaluationTable {
    static final String[] COLUMNS = {"FID_axial", "FID_sagittal", "FID_coronal", "FID_mean", "CLIP_axial",
        "CLIP_sagittal", "CLIP_coronal", "CLIP_mean", "extractor", "n_generated", "n_reference"};

    private EvaluationTable() {
    }

    static void addRow(ResultsTable rt, EvaluationResult r) {
        rt.incrementCounter();
        rt.addValue("FID_axial", r.fidAxial());
        rt.addValue("FID_sagittal", r.fidSagittal());
        rt.addValue("FID_coronal", r.fidCoronal());
        rt.addValue("FID_mean", r.fidMean());
        rt.addValue("CLIP_axial", r.clipAxial());
        rt.addValue("CLIP_sagittal", r.clipSagittal());
        rt.addValue("CLIP_coronal", r.clipCoronal());
        rt.addValue("CLIP_mean", r.clipMean());
        rt.addValue("extractor", r.extractor());
        rt.addValue("n_generated", r.nGenerated());
        rt.addValue("n_reference", r.nReference());
    }
}
