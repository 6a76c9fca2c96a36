package org.text2ct.train.faithfulness;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.text2ct.pipeline.eval.EvaluationResult;
import org.text2ct.train.phantom.FindingTally;

/**
 * The figures of a {@link FaithfulnessCheck}: finding and laterality accuracy of the detector on
 * the phantoms themselves, on the guided volumes and on the unguided ones, and FID of both sets.
 */
public record FaithfulnessReport(FaithfulnessCheck.Settings settings, FindingTally phantoms, FindingTally guided,
        FindingTally unguided, EvaluationResult fidGuided, EvaluationResult fidUnguided, double secondsPerVolume) {

    /** The table the CLI prints. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d held-back cases (case seed %d), %d steps; guided = scale %.1f, "
                + "unguided = scale 1; %.1f s per volume%n", settings.n(), settings.caseSeed(), settings.steps(),
                settings.guidance(), secondsPerVolume));
        b.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s%n", "", "phantoms", "guided", "unguided"));
        b.append(String.format(Locale.ROOT, "%-34s %10d %10d %10d%n", "volumes without two lungs",
                phantoms.unreadable(), guided.unreadable(), unguided.unreadable()));
        row(b, "laterality (sided findings found)", FindingTally::laterality);
        b.append(String.format(Locale.ROOT, "%-34s %10d %10d %10d%n", "  sided findings found",
                phantoms.lateralityCount(), guided.lateralityCount(), unguided.lateralityCount()));
        row(b, "nodules found (of " + phantoms.nodules() + ")", FindingTally::noduleSensitivity);
        row(b, "  on the stated side", FindingTally::noduleSide);
        row(b, "  in the stated lobe", FindingTally::noduleLobe);
        b.append(String.format(Locale.ROOT, "%-34s %10d %10d %10d%n", "  nodules not in the prompt",
                phantoms.falseNodules(), guided.falseNodules(), unguided.falseNodules()));
        row(b, "effusions found (of " + phantoms.effusions() + ")", FindingTally::effusionSensitivity);
        row(b, "effusion present/absent per side", FindingTally::effusionSideCalls);
        row(b, "cardiomegaly called right", FindingTally::cardiomegalyCalls);
        b.append(String.format(Locale.ROOT, "%-34s %10s %10.4g %10.4g%n", "FID mean of 3 views (" + fidGuided.extractor()
                + ")", "-", fidGuided.fidMean(), fidUnguided.fidMean()));
        b.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s%n", "  axial / sagittal / coronal", "-",
                views(fidGuided), views(fidUnguided)));
        return b.toString();
    }

    private void row(StringBuilder b, String name, ToDoubleFunction<FindingTally> f) {
        b.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s%n", name, pct(f.applyAsDouble(phantoms)),
                pct(f.applyAsDouble(guided)), pct(f.applyAsDouble(unguided))));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String views(EvaluationResult r) {
        return String.format(Locale.ROOT, "%.3g/%.3g/%.3g", r.fidAxial(), r.fidSagittal(), r.fidCoronal());
    }
}
