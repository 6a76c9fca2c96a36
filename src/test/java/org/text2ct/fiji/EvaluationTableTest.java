package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.text2ct.eval.View;
import org.text2ct.pipeline.eval.EvaluationResult;

class EvaluationTableTest {
    @Test
    void oneRowWithTheMacroColumnNames() {
        ResultsTable rt = new ResultsTable();
        EvaluationTable.addRow(rt, new EvaluationResult(1.5, 2.5, 3.5, 2.5, 30, 31, Double.NaN, 30.5, "radimagenet-resnet50", 4, 6));
        assertEquals(1, rt.size());
        assertArrayEquals(EvaluationTable.COLUMNS, rt.getHeadings());
        assertEquals(1.5, rt.getValue("FID_axial", 0));
        assertEquals(2.5, rt.getValue("FID_mean", 0));
        assertEquals(31, rt.getValue("CLIP_sagittal", 0));
        assertTrue(Double.isNaN(rt.getValue("CLIP_coronal", 0)));
        assertEquals("radimagenet-resnet50", rt.getStringValue("extractor", 0));
        assertEquals(4, rt.getValue("n_generated", 0));
        assertEquals(6, rt.getValue("n_reference", 0));
    }

    @Test
    void viewsParseAndUnknownViewsAreNamed() {
        assertEquals(EnumSet.of(View.AXIAL, View.CORONAL), EvaluationSets.views("axial, Coronal"));
        var e = assertThrows(IllegalArgumentException.class, () -> EvaluationSets.views("axial,oblique"));
        assertTrue(e.getMessage().startsWith("unknown view 'oblique'"), e.getMessage());
    }
}
