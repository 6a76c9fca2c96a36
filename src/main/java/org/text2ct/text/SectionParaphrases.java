package org.text2ct.text;

import java.util.List;
import java.util.Set;

/**
 * Rewordings of each section that keep its meaning: the augmented variants the paper obtains from
 * a language model. Lists may be empty; a section with none is never replaced.
 */
public record SectionParaphrases(
        List<String> description, List<String> demographics, List<String> findings, List<String> impressions) {

    public static final SectionParaphrases NONE = new SectionParaphrases(List.of(), List.of(), List.of(), List.of());

    public SectionParaphrases {
        description = List.copyOf(description);
        demographics = List.copyOf(demographics);
        findings = List.copyOf(findings);
        impressions = List.copyOf(impressions);
    }

    /** These rewordings with only the sections in {@code keep}; the others have none. */
    public SectionParaphrases only(Set<ReportSection> keep) {
        return new SectionParaphrases(keep.contains(ReportSection.DESCRIPTION) ? description : List.of(),
                keep.contains(ReportSection.DEMOGRAPHICS) ? demographics : List.of(),
                keep.contains(ReportSection.FINDINGS) ? findings : List.of(),
                keep.contains(ReportSection.IMPRESSIONS) ? impressions : List.of());
    }

    public List<String> of(ReportSection section) {
        return switch (section) {
            case DESCRIPTION -> description;
            case DEMOGRAPHICS -> demographics;
            case FINDINGS -> findings;
            case IMPRESSIONS -> impressions;
        };
    }
}
