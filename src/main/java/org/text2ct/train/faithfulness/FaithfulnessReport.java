package org.text2ct.train.faithfulness;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.text2ct.pipeline.eval.EvaluationResult;
import org.text2ct.train.phantom.FindingTally;

/**
 * The figures of a {@link FaithfulnessCheck}: finding and laterality accuracy of the detector on
 * the phantoms themselves, on the phantoms encoded and decoded by the model's VAE ("via VAE", the
 * most a model with this VAE can reach), on the guided volumes and on the unguided ones, FID of each
 * set, and the UNet's response to the prompts' side words.
 */
public record FaithfulnessReport(FaithfulnessCheck.Settings settings, FindingTally phantoms, FindingTally roundTrip, FindingTally guided,
        FindingTally unguided, List<EvaluationResult> fids, SideResponse side, double secondsPerVolume) {

    /**
     * @param fids FID against the cases' phantoms, one per column: a second set of phantoms (the floor for
     *        this many volumes), the phantoms via the VAE, the guided and the unguided volumes
     */
    public FaithfulnessReport {
        if (fids.size() != 4) {
            throw new IllegalArgumentException("one FID per column (4) expected, got " + fids.size());
        }
        fids = List.copyOf(fids);
    }

    /** The table the CLI prints. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d held-back cases (case seed %d), %d steps; guided = scale %.1f, "
                + "unguided = scale 1; %.1f s per volume%n", settings.n(), settings.caseSeed(), settings.steps(),
                settings.guidance(), secondsPerVolume));
        b.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s %10s%n", "", "phantoms", "via VAE", "guided",
                "unguided"));
        counts(b, "volumes without two lungs", FindingTally::unreadable);
        row(b, "laterality (sided findings found)", FindingTally::laterality);
        row(b, "  against the mirrored prompt", FindingTally::mirroredLaterality);
        counts(b, "  sided findings found", FindingTally::lateralityCount);
        cells(b, "  95 % interval (Wilson)", FaithfulnessReport::interval);
        row(b, "nodules found (of " + phantoms.nodules() + ")", FindingTally::noduleSensitivity);
        row(b, "  on the stated side", FindingTally::noduleSide);
        row(b, "  in the stated lobe", FindingTally::noduleLobe);
        counts(b, "  nodules not in the prompt", FindingTally::falseNodules);
        row(b, "effusions found (of " + phantoms.effusions() + ")", FindingTally::effusionSensitivity);
        row(b, "effusion present/absent per side", FindingTally::effusionSideCalls);
        row(b, "cardiomegaly called right", FindingTally::cardiomegalyCalls);
        b.append(String.format(Locale.ROOT, "%-34s %10.4g %10.4g %10.4g %10.4g%n", "FID mean of 3 views ("
                + fids.get(2).extractor() + ")", fids.get(0).fidMean(), fids.get(1).fidMean(), fids.get(2).fidMean(),
                fids.get(3).fidMean()));
        b.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s %10s%n", "  axial / sagittal / coronal",
                views(fids.get(0)), views(fids.get(1)), views(fids.get(2)), views(fids.get(3))));
        b.append(String.format(Locale.ROOT, "  (FID \"phantoms\" = %d other phantoms, case seed %d: the floor for "
                + "%d volumes)%n", settings.n(), settings.floorCaseSeed(), settings.n()));
        b.append(String.format(Locale.ROOT, "UNet side response (%d prompts naming a side, first step): left/right "
                + "exchanged moves the prediction %s of what the prompt does, %s of it antisymmetric%n", side.prompts(),
                Double.isNaN(side.relativeSize()) ? "n/a" : String.format(Locale.ROOT, "%.3f", side.relativeSize()),
                pct(side.antisymmetricShare())));
        return b.toString();
    }

    private void row(StringBuilder b, String name, ToDoubleFunction<FindingTally> f) {
        cells(b, name, t -> pct(f.applyAsDouble(t)));
    }

    private void cells(StringBuilder b, String name, Function<FindingTally, String> f) {
        b.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s %10s%n", name, f.apply(phantoms), f.apply(roundTrip),
                f.apply(guided), f.apply(unguided)));
    }

    private void counts(StringBuilder b, String name, ToIntFunction<FindingTally> f) {
        b.append(String.format(Locale.ROOT, "%-34s %10d %10d %10d %10d%n", name, f.applyAsInt(phantoms),
                f.applyAsInt(roundTrip), f.applyAsInt(guided), f.applyAsInt(unguided)));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String interval(FindingTally t) {
        double[] ci = t.lateralityInterval();
        return Double.isNaN(ci[0]) ? "n/a" : String.format(Locale.ROOT, "%.0f–%.0f%%", 100 * ci[0], 100 * ci[1]);
    }

    private static String views(EvaluationResult r) {
        return String.format(Locale.ROOT, "%.3g/%.3g/%.3g", r.fidAxial(), r.fidSagittal(), r.fidCoronal());
    }
}
