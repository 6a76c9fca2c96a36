package org.text2ct.train.phantom;

import org.text2ct.text.ReportSections;
import org.text2ct.text.SectionParaphrases;

/** The filed report of a phantom and its paraphrased sections for prompt augmentation. */
public record PhantomReport(ReportSections sections, SectionParaphrases paraphrases) { }
