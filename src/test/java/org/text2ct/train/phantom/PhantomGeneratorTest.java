package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RAS layout: x grows towards the patient's left, so a left-sided finding lies at x > nx/2; y grows
 * anteriorly, so dependent (posterior) fluid lies at y < ny/2; z grows superiorly.
 */
class PhantomGeneratorTest {

    private static final Patient PATIENT = new Patient(55, Sex.MALE, 0.5);
    private static final PhantomGrid SMALL = new PhantomGrid(64, 64, 32, 6, 6, 10);

    @Test
    void sameSeedGivesTheSameVolumeAndAnotherSeedAnother() {
        PhantomLabels labels = new PhantomLabels(PATIENT, List.of(Finding.emphysema(),
                Finding.nodule(FindingType.SOLID_NODULE, Side.RIGHT, Lobe.UPPER, 15)));
        float[] a = PhantomGenerator.generate(labels, SMALL, 11).hu();
        assertArrayEquals(a, PhantomGenerator.generate(labels, SMALL, 11).hu());
        assertFalse(Arrays.equals(a, PhantomGenerator.generate(labels, SMALL, 12).hu()));
    }

    @Test
    void everyTissueClassIsPresentAtTheDemoSize() {
        float[] hu = PhantomGenerator.generate(new PhantomLabels(PATIENT, List.of()), PhantomGrid.DEMO, 3).hu();
        assertEquals(128 * 128 * 64, hu.length);
        assertTissues(hu, PhantomGrid.DEMO);
    }

    @Test
    void smallGridsWorkToo() {
        float[] hu = PhantomGenerator.generate(new PhantomLabels(new Patient(30, Sex.FEMALE, 0.1), List.of()), SMALL, 4).hu();
        assertEquals(64 * 64 * 32, hu.length);
        assertTissues(hu, SMALL);
    }

    @Test
    void demoSizeTakesWellUnderASecond() {
        PhantomLabels labels = new PhantomLabels(PATIENT, List.of(Finding.emphysema(), Finding.effusion(Side.LEFT, Amount.LARGE),
                Finding.nodule(FindingType.SOLID_NODULE, Side.RIGHT, Lobe.MIDDLE, 20)));
        PhantomGenerator.generate(labels, PhantomGrid.DEMO, 1);
        long[] ms = new long[3];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            PhantomGenerator.generate(labels, PhantomGrid.DEMO, 2 + i);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        assertTrue(ms[1] < 1000, "median " + ms[1] + " ms for 128x128x64");
    }

    @Test
    void leftNoduleLiesOnThePatientsLeftAtHighX() {
        double[] c = changeCentroid(Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.LOWER, 20));
        assertTrue(c[0] > 64, "left nodule at x " + c[0]);
        double[] r = changeCentroid(Finding.nodule(FindingType.SOLID_NODULE, Side.RIGHT, Lobe.LOWER, 20));
        assertTrue(r[0] < 64, "right nodule at x " + r[0]);
    }

    @Test
    void upperLobeNodulesLieAboveLowerLobeNodules() {
        double upper = changeCentroid(Finding.nodule(FindingType.SOLID_NODULE, Side.RIGHT, Lobe.UPPER, 16))[2];
        double lower = changeCentroid(Finding.nodule(FindingType.SOLID_NODULE, Side.RIGHT, Lobe.LOWER, 16))[2];
        assertTrue(upper > 32 && lower < 32 && upper > lower + 10, "upper z " + upper + ", lower z " + lower);
    }

    @Test
    void noduleHasItsLabelledSize() {
        double[] c = changeCentroid(Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.UPPER, 24));
        double expected = Math.PI / 6 * 24 * 24 * 24 / (3 * 3 * 5);
        assertEquals(expected, c[3], 0.25 * expected, "voxels in a 24 mm sphere");
    }

    @Test
    void rightEffusionIsDependentFluidOnTheRight() {
        double[] c = changeCentroid(Finding.effusion(Side.RIGHT, Amount.MODERATE));
        assertTrue(c[0] < 64 && c[1] < 64 && c[2] < 32, "effusion centroid " + Arrays.toString(c));
    }

    /**
     * Centroid (x, y, z index) and voxel count of what one finding changes by more than 400 HU:
     * the anatomy before findings is drawn identically, and noise alone never differs that much.
     */
    private static double[] changeCentroid(Finding f) {
        float[] with = PhantomGenerator.generate(new PhantomLabels(PATIENT, List.of(f)), PhantomGrid.DEMO, 9).hu();
        float[] without = PhantomGenerator.generate(new PhantomLabels(PATIENT, List.of()), PhantomGrid.DEMO, 9).hu();
        PhantomGrid g = PhantomGrid.DEMO;
        double[] sum = new double[4];
        for (int i = 0; i < with.length; i++) {
            if (Math.abs(with[i] - without[i]) > 400) {
                sum[0] += i % g.nx();
                sum[1] += i / g.nx() % g.ny();
                sum[2] += i / (g.nx() * g.ny());
                sum[3]++;
            }
        }
        assertTrue(sum[3] > 0, "finding changed nothing");
        return new double[] {sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3], sum[3]};
    }

    /** Each tissue class covers a plausible share of the volume. */
    private static void assertTissues(float[] hu, PhantomGrid g) {
        int air = 0, lung = 0, soft = 0, bone = 0;
        for (float v : hu) {
            if (v < -900) {
                air++;
            } else if (v > -900 && v < -700) {
                lung++;
            } else if (v > 0 && v < 100) {
                soft++;
            } else if (v > 300) {
                bone++;
            }
        }
        int n = g.size();
        assertTrue(air > 0.2 * n, "air " + air);
        assertTrue(lung > 0.05 * n, "lung " + lung);
        assertTrue(soft > 0.05 * n, "soft tissue " + soft);
        assertTrue(bone > 0.002 * n && bone < 0.05 * n, "bone " + bone);
    }
}
