package org.text2ct.train.phantom;

import java.util.List;

/** Ground truth of one phantom: who the patient is and what it shows. An empty list is a normal study. */
public record PhantomLabels(Patient patient, List<Finding> findings) {

    public PhantomLabels {
        if (patient == null) {
            throw new IllegalArgumentException("patient is required");
        }
        findings = List.copyOf(findings);
    }

    /** The same patient with every sided finding on the other side. */
    public PhantomLabels mirrored() {
        return new PhantomLabels(patient, findings.stream().map(Finding::mirrored).toList());
    }

    public boolean has(FindingType type) {
        return findings.stream().anyMatch(f -> f.type() == type);
    }

    public List<Finding> of(FindingType type) {
        return findings.stream().filter(f -> f.type() == type).toList();
    }

    public boolean isNormal() {
        return findings.isEmpty();
    }
}
