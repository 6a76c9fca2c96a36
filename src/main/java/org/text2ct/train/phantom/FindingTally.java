package org.text2ct.train.phantom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.IntervalUtils;

/**
 * Compares what {@link FindingDetector} found with what a case's labels (or its prompt) state,
 * over many cases: nodule sensitivity, side and lobe, false nodules, effusion calls per side,
 * cardiomegaly calls, and one laterality accuracy over every sided finding that was found.
 */
public final class FindingTally {
    private int cases;
    private int nodules;
    private int nodulesFound;
    private int noduleSideRight;
    private int noduleLobeRight;
    private int falseNodules;
    private int effusions;
    private int effusionsFound;
    private int effusionSideRight;
    private int effusionSideCalls;
    private int effusionSideCallsRight;
    private int cardioCalls;
    private int cardioRight;
    private int unreadable;
    private int mirroredSideRight;

    public void add(PhantomLabels labels, Detection d) {
        cases++;
        Match m = Match.of(labels, d);
        nodules += m.nodules();
        nodulesFound += m.found();
        noduleSideRight += m.onSide();
        noduleLobeRight += m.inLobe();
        falseNodules += m.unmatched();
        if (!m.stated().isEmpty()) {
            effusions++;
            if (!d.effusions().isEmpty()) {
                effusionsFound++;
                effusionSideRight += m.effusionOnSide() ? 1 : 0;
            }
        }
        for (Side s : Side.values()) {
            effusionSideCalls++;
            effusionSideCallsRight += m.stated().contains(s) == d.effusions().contains(s) ? 1 : 0;
        }
        Match mirror = Match.of(labels.mirrored(), d);
        mirroredSideRight += mirror.onSide() + (mirror.effusionOnSide() ? 1 : 0);
        cardioCalls++;
        cardioRight += labels.has(FindingType.CARDIOMEGALY) == d.cardiomegaly() ? 1 : 0;
    }

    /**
     * How one detection meets one set of labels: stated nodules, those found, found on the stated side,
     * and in the stated lobe, detections left unmatched; the stated effusion sides, and whether the
     * detected sides are exactly those.
     */
    private record Match(int nodules, int found, int onSide, int inLobe, int unmatched, Set<Side> stated,
            boolean effusionOnSide) {
        static Match of(PhantomLabels labels, Detection d) {
            int nodules = 0;
            int found = 0;
            int onSide = 0;
            int inLobe = 0;
            List<Detection.Nodule> unmatched = new ArrayList<>(d.nodules());
            for (Finding f : labels.findings()) {
                if (f.type().isNodule()) {
                    nodules++;
                    Detection.Nodule m = bestMatch(f, unmatched);
                    if (m != null) {
                        unmatched.remove(m);
                        found++;
                        onSide += m.side() == f.side() ? 1 : 0;
                        inLobe += m.side() == f.side() && m.lobe() == f.lobe() ? 1 : 0;
                    }
                }
            }
            Set<Side> stated = EnumSet.noneOf(Side.class);
            labels.of(FindingType.PLEURAL_EFFUSION).forEach(f -> stated.add(f.side()));
            return new Match(nodules, found, onSide, inLobe, unmatched.size(), stated,
                    !stated.isEmpty() && stated.equals(d.effusions()));
        }
    }

    /**
     * A volume the detector cannot read (no slice shows both lungs, as from an untrained model):
     * nothing is found in it.
     */
    public void addUnreadable(PhantomLabels labels) {
        unreadable++;
        add(labels, new Detection(List.of(), Set.of(), Double.NaN));
    }

    /** The unused detection on the same side and lobe, else on the same side, else any. */
    private static Detection.Nodule bestMatch(Finding f, List<Detection.Nodule> candidates) {
        Detection.Nodule sameSide = null;
        for (Detection.Nodule n : candidates) {
            if (n.side() == f.side() && n.lobe() == f.lobe()) {
                return n;
            }
            if (n.side() == f.side() && sameSide == null) {
                sameSide = n;
            }
        }
        return sameSide != null ? sameSide : candidates.isEmpty() ? null : candidates.get(0);
    }

    public int cases() {
        return cases;
    }

    /** Volumes in which no slice showed both lungs. */
    public int unreadable() {
        return unreadable;
    }

    public int nodules() {
        return nodules;
    }

    public int falseNodules() {
        return falseNodules;
    }

    public int effusions() {
        return effusions;
    }

    /** Share of stated nodules with a detected nodule (anywhere). */
    public double noduleSensitivity() {
        return ratio(nodulesFound, nodules);
    }

    /** Of the nodules found, the share on the stated side. */
    public double noduleSide() {
        return ratio(noduleSideRight, nodulesFound);
    }

    /** Of the nodules found, the share in the stated side and lobe. */
    public double noduleLobe() {
        return ratio(noduleLobeRight, nodulesFound);
    }

    /** Share of cases with a stated effusion where an effusion was found on some side. */
    public double effusionSensitivity() {
        return ratio(effusionsFound, effusions);
    }

    /** Per case and side, the share where "effusion here" agrees with the statement. */
    public double effusionSideCalls() {
        return ratio(effusionSideCallsRight, effusionSideCalls);
    }

    public double cardiomegalyCalls() {
        return ratio(cardioRight, cardioCalls);
    }

    /**
     * Of the sided findings that were found (nodules, and effusions found on some side), the share
     * found exactly where stated: the nodule on its side, the effusion on its side(s) and no other.
     */
    public double laterality() {
        return ratio(noduleSideRight + effusionSideRight, lateralityCount());
    }

    /**
     * The 95 % Wilson score interval of {@link #laterality()} as {lower, upper}, NaNs when no sided
     * finding was found: at 75–80 % over the 15–25 findings of a typical check it spans 32–36 points.
     */
    public double[] lateralityInterval() {
        int n = lateralityCount();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        ConfidenceInterval ci = IntervalUtils.getWilsonScoreInterval(n, noduleSideRight + effusionSideRight, 0.95);
        return new double[] {ci.getLowerBound(), ci.getUpperBound()};
    }

    /**
     * {@link #laterality()} against the prompt with its sides exchanged. A model blind to side scores
     * the same on both, so this is the level of chance (and of a matching that prefers the stated
     * side); only the gap above it is the model's knowledge of left and right.
     */
    public double mirroredLaterality() {
        return ratio(mirroredSideRight, lateralityCount());
    }

    /** How many sided findings {@link #laterality()} is computed over. */
    public int lateralityCount() {
        return nodulesFound + effusionsFound;
    }

    private static double ratio(int n, int d) {
        return d == 0 ? Double.NaN : n / (double) d;
    }
}
