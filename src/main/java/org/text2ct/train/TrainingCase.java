package org.text2ct.train;

import org.text2ct.text.ReportSections;
import org.text2ct.text.SectionParaphrases;

/**
 * One entry of a training folder's reports.json: the volume's file and its report.
 *
 * @param twin optional case_id of the same patient with its findings mirrored (make-phantoms --mirror-pairs)
 */
public record TrainingCase(String caseId, String file, ReportSections sections, SectionParaphrases augmented,
        String twin) {

    /** Paraphrases are optional in real data. */
    public SectionParaphrases paraphrases() {
        return augmented == null ? SectionParaphrases.NONE : augmented;
    }
}
