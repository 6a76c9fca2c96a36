package org.text2ct.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A radiology report split into the paper's sections; a missing section is null or blank. */
public record ReportSections(String description, String demographics, String findings, String impressions) {

    public String get(ReportSection section) {
        return switch (section) {
            case DESCRIPTION -> description;
            case DEMOGRAPHICS -> demographics;
            case FINDINGS -> findings;
            case IMPRESSIONS -> impressions;
        };
    }

    /** This report with only the sections in {@code keep}; the others are missing. */
    public ReportSections only(Set<ReportSection> keep) {
        return new ReportSections(keep.contains(ReportSection.DESCRIPTION) ? description : null,
                keep.contains(ReportSection.DEMOGRAPHICS) ? demographics : null,
                keep.contains(ReportSection.FINDINGS) ? findings : null,
                keep.contains(ReportSection.IMPRESSIONS) ? impressions : null);
    }

    /** Sections with text, in report order. */
    public List<ReportSection> present() {
        List<ReportSection> out = new ArrayList<>();
        for (ReportSection s : ReportSection.values()) {
            String text = get(s);
            if (text != null && !text.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The report as a radiologist would file it, each section headed by its name, on one line. */
    public String asReportText() {
        StringBuilder sb = new StringBuilder();
        for (ReportSection s : present()) {
            if (sb.length() > 0) {
                sb.append(" ");
            }
            sb.append(s.name()).append(": ").append(get(s).trim());
        }
        return sb.toString();
    }
}
