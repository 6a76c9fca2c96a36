package org.text2ct.text;

import java.util.Locale;

/** The four prompt types of the paper, in the order a report lists them. */
public enum ReportSection {
    /** General description of the scan: exam type and the body regions and organs it covers. */
    DESCRIPTION,
    /** Age, sex and any history. */
    DEMOGRAPHICS,
    /** What the radiologist sees, with locations and measurements. */
    FINDINGS,
    /** The summary interpretation. */
    IMPRESSIONS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
