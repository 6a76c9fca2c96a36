package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The detector against the generator's own labels, on 40 random phantoms at the demo size. */
class FindingDetectorTest {

    private static final int CASES = 40;

    @Test
    void findsLabelledFindingsOnTheRightSide() {
        SplittableRandom master = new SplittableRandom(2026);
        FindingTally t = new FindingTally();
        for (int c = 0; c < CASES; c++) {
            long seed = master.nextLong();
            PhantomLabels labels = CaseSampler.sample(new SplittableRandom(seed));
            Phantom p = PhantomGenerator.generate(labels, PhantomGrid.DEMO, seed);
            t.add(labels, FindingDetector.detect(p.grid(), p.hu()));
        }
        System.out.printf("FindingDetector on %d phantoms: nodules %d, detected %.3f, side %.3f, lobe %.3f, "
                        + "false nodules %d; effusions %d, found %.3f, side calls %.3f; cardiomegaly %.3f; "
                        + "laterality %.3f over %d%n", CASES, t.nodules(), t.noduleSensitivity(), t.noduleSide(),
                t.noduleLobe(), t.falseNodules(), t.effusions(), t.effusionSensitivity(), t.effusionSideCalls(),
                t.cardiomegalyCalls(), t.laterality(), t.lateralityCount());
        assertEquals(CASES, t.cases());
        assertTrue(t.nodules() >= 10, "too few nodules drawn to judge: " + t.nodules());
        assertTrue(t.noduleSensitivity() >= 0.9, "nodule sensitivity " + t.noduleSensitivity());
        assertTrue(t.noduleSide() >= 0.95, "nodule side " + t.noduleSide());
        assertTrue(t.noduleLobe() >= 0.85, "nodule lobe " + t.noduleLobe());
        assertTrue(t.falseNodules() <= 2, "false nodules " + t.falseNodules());
        assertTrue(t.effusions() >= 5, "too few effusions drawn to judge: " + t.effusions());
        assertTrue(t.effusionSideCalls() >= 0.95, "effusion by side " + t.effusionSideCalls());
        assertTrue(t.cardiomegalyCalls() >= 0.9, "cardiomegaly " + t.cardiomegalyCalls());
        assertTrue(t.laterality() >= 0.95, "laterality " + t.laterality());
    }

    @Test
    void tallyCountsWrongSidesAndMissedFindings() {
        Patient pt = new Patient(60, Sex.MALE, 0.5);
        FindingTally t = new FindingTally();
        PhantomLabels leftNodule = new PhantomLabels(pt, List.of(
                Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.UPPER, 12)));
        t.add(leftNodule, new Detection(List.of(new Detection.Nodule(Side.RIGHT, Lobe.UPPER, 12, true)), Set.of(), 0.45));
        PhantomLabels rightEffusion = new PhantomLabels(pt, List.of(Finding.effusion(Side.RIGHT, Amount.MODERATE)));
        t.add(rightEffusion, new Detection(List.of(), Set.of(Side.LEFT, Side.RIGHT), 0.45));
        t.add(rightEffusion, new Detection(List.of(), Set.of(Side.RIGHT), 0.60));
        t.add(leftNodule, new Detection(List.of(), Set.of(), 0.45));
        assertEquals(2, t.nodules());
        assertEquals(0.5, t.noduleSensitivity(), 1e-12);
        assertEquals(0.0, t.noduleSide(), 1e-12);
        assertEquals(1.0, t.effusionSensitivity(), 1e-12);
        assertEquals(7 / 8.0, t.effusionSideCalls(), 1e-12);
        assertEquals(0.75, t.cardiomegalyCalls(), 1e-12);
        assertEquals(1 / 3.0, t.laterality(), 1e-12);
        assertEquals(3, t.lateralityCount());
        // Wilson 95 % interval of 1 in 3 (z = 1.959964): 6.149 % to 79.234 %.
        assertArrayEquals(new double[] {0.0614919, 0.7923404}, t.lateralityInterval(), 1e-6);
        assertTrue(Double.isNaN(new FindingTally().lateralityInterval()[0]));
    }

    @Test
    void mirroredPromptScoresWhatASideBlindModelWould() {
        Patient pt = new Patient(60, Sex.MALE, 0.5);
        PhantomLabels leftNodule = new PhantomLabels(pt, List.of(
                Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.LOWER, 12)));
        FindingTally t = new FindingTally();
        t.add(leftNodule, new Detection(List.of(new Detection.Nodule(Side.LEFT, Lobe.LOWER, 12, true)), Set.of(), 0.45));
        t.add(new PhantomLabels(pt, List.of(Finding.effusion(Side.LEFT, Amount.SMALL))),
                new Detection(List.of(), Set.of(Side.LEFT), 0.45));
        t.add(leftNodule, new Detection(List.of(new Detection.Nodule(Side.RIGHT, Lobe.LOWER, 12, true)), Set.of(), 0.45));
        assertEquals(2 / 3.0, t.laterality(), 1e-12);
        assertEquals(1 / 3.0, t.mirroredLaterality(), 1e-12);
        assertEquals(3, t.lateralityCount());
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

    /**
     * Decoded volumes blur the chest wall's muscle–fat boundary into fluid density just lateral to
     * the lungs; that is not pleural fluid. The same block of fluid inside the lungs' extent is.
     */
    @Test
    void fluidLateralToTheLungsIsNotAnEffusion() {
        NormalChest chest = new NormalChest();
        int xLast = 0;
        for (int i = 0; i < chest.hu.length; i++) {
            xLast = chest.lungs.side[i] != 0 ? Math.max(xLast, i % chest.g.nx()) : xLast;
        }
        assertEquals(Set.of(), chest.effusionsWithFluidFrom(xLast + 1));
        assertEquals(Set.of(Side.LEFT), chest.effusionsWithFluidFrom(xLast - 16));
    }

    /**
     * Decoded volumes blur the descending aorta's edge against the lung into fluid density beside
     * the spine; that is not a layering effusion. The same block out in the hemithorax is.
     */
    @Test
    void fluidBesideTheSpineIsNotAnEffusion() {
        NormalChest chest = new NormalChest();
        int midline = chest.g.xIndex(chest.lungs.midlineX);
        assertEquals(Set.of(), chest.effusionsWithFluidFrom(midline + 3));
        assertEquals(Set.of(Side.LEFT), chest.effusionsWithFluidFrom(midline + 14));
    }

    /** A normal phantom chest, to place blocks of fluid into at the posterior left lung base. */
    private static final class NormalChest {
        final PhantomGrid g = PhantomGrid.DEMO;
        final float[] hu = PhantomGenerator.generate(new PhantomLabels(new Patient(50, Sex.MALE, 0.5), List.of()), g, 9).hu();
        final LungSegmentation lungs = LungSegmentation.of(g, hu);

        /** Effusions found with an 8×14×10-voxel block of fluid (+10 HU) from x0 outwards. */
        Set<Side> effusionsWithFluidFrom(int x0) {
            LobeMap.Bounds b = lungs.lobes.bounds(Side.LEFT);
            int y0 = g.yIndex(b.yMin() + 0.15 * (b.yMax() - b.yMin()));
            int z0 = g.zIndex(b.zMin() + 0.2 * (b.zMax() - b.zMin()));
            float[] out = hu.clone();
            for (int z = z0; z < z0 + 10; z++) {
                for (int y = y0; y < y0 + 14; y++) {
                    for (int x = x0; x < x0 + 8; x++) {
                        out[g.index(x, y, z)] = FindingPainter.EFFUSION;
                    }
                }
            }
            return FindingDetector.detect(g, out).effusions();
        }
    }

    @Test
    void rejectsVolumesItCannotRead() {
        PhantomGrid g = new PhantomGrid(32, 32, 16, 6, 6, 10);
        assertThrows(IllegalArgumentException.class, () -> FindingDetector.detect(g, new float[10]));
        float[] air = new float[g.size()];
        Arrays.fill(air, -1000f);
        assertThrows(IllegalArgumentException.class, () -> FindingDetector.detect(g, air));
    }
}
