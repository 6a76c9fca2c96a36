package org.text2ct.text;

import java.util.List;

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

    public List<String> of(ReportSection section) {
        return switch (section) {
            case DESCRIPTION -> description;
            case DEMOGRAPHICS -> demographics;
            case FINDINGS -> findings;
            case IMPRESSIONS -> impressions;
        };
    }
}
