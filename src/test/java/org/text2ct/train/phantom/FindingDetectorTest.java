package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The detector against the generator's own labels, on 40 random phantoms at the demo size. */
class FindingDetectorTest {

    private static final int CASES = 40;

    @Test
    void findsLabelledFindingsOnTheRightSide() {
        SplittableRandom master = new SplittableRandom(2026);
        int trueNodules = 0, detected = 0, sideRight = 0, lobeRight = 0, falseNodules = 0;
        int effusionCalls = 0, effusionRight = 0, cardioRight = 0;
        for (int c = 0; c < CASES; c++) {
            long seed = master.nextLong();
            PhantomLabels labels = CaseSampler.sample(new SplittableRandom(seed));
            Phantom p = PhantomGenerator.generate(labels, PhantomGrid.DEMO, seed);
            Detection d = FindingDetector.detect(p.grid(), p.hu());

            List<Detection.Nodule> unmatched = new ArrayList<>(d.nodules());
            for (Finding f : labels.findings()) {
                if (!f.type().isNodule()) {
                    continue;
                }
                trueNodules++;
                Detection.Nodule m = bestMatch(f, unmatched);
                if (m != null) {
                    unmatched.remove(m);
                    detected++;
                    sideRight += m.side() == f.side() ? 1 : 0;
                    lobeRight += m.side() == f.side() && m.lobe() == f.lobe() ? 1 : 0;
                }
            }
            falseNodules += unmatched.size();
            for (Side s : Side.values()) {
                boolean truth = labels.findings().stream().anyMatch(f -> f.type() == FindingType.PLEURAL_EFFUSION && f.side() == s);
                effusionCalls++;
                effusionRight += truth == d.effusions().contains(s) ? 1 : 0;
            }
            cardioRight += labels.has(FindingType.CARDIOMEGALY) == d.cardiomegaly() ? 1 : 0;
        }
        double sensitivity = detected / (double) trueNodules;
        double laterality = sideRight / (double) detected;
        double lobes = lobeRight / (double) detected;
        double effusion = effusionRight / (double) effusionCalls;
        double cardio = cardioRight / (double) CASES;
        System.out.printf("FindingDetector on %d phantoms: nodules %d, detected %.3f, laterality %.3f, lobe %.3f, "
                        + "false nodules %d; effusion side calls %.3f; cardiomegaly %.3f%n",
                CASES, trueNodules, sensitivity, laterality, lobes, falseNodules, effusion, cardio);
        assertTrue(trueNodules >= 10, "too few nodules drawn to judge: " + trueNodules);
        assertTrue(sensitivity >= 0.9, "nodule sensitivity " + sensitivity);
        assertTrue(laterality >= 0.95, "nodule laterality " + laterality);
        assertTrue(lobes >= 0.85, "nodule lobe " + lobes);
        assertTrue(falseNodules <= 2, "false nodules " + falseNodules);
        assertTrue(effusion >= 0.95, "effusion by side " + effusion);
        assertTrue(cardio >= 0.9, "cardiomegaly " + cardio);
    }

    @Test
    void measuresSizeAndSolidityOfAKnownNodule() {
        PhantomLabels labels = new PhantomLabels(new Patient(60, Sex.FEMALE, 0.4), List.of(
                Finding.nodule(FindingType.GROUND_GLASS_NODULE, Side.RIGHT, Lobe.MIDDLE, 18)));
        Detection d = FindingDetector.detect(PhantomGrid.DEMO, PhantomGenerator.generate(labels, PhantomGrid.DEMO, 4).hu());
        assertEquals(1, d.nodules().size(), d.nodules()::toString);
        Detection.Nodule n = d.nodules().get(0);
        assertEquals(Side.RIGHT, n.side());
        assertEquals(Lobe.MIDDLE, n.lobe());
        assertEquals(18, n.diameterMm(), 3);
        assertTrue(!n.solid(), "ground glass reported as solid");
        assertTrue(d.effusions().isEmpty() && !d.cardiomegaly(), d.toString());
    }

    @Test
    void rejectsVolumesItCannotRead() {
        PhantomGrid g = new PhantomGrid(32, 32, 16, 6, 6, 10);
        assertThrows(IllegalArgumentException.class, () -> FindingDetector.detect(g, new float[10]));
        float[] air = new float[g.size()];
        Arrays.fill(air, -1000f);
        assertThrows(IllegalArgumentException.class, () -> FindingDetector.detect(g, air));
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
}
