package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void parsesLobesAndSidesAndRejectsUnknownOnes() {
        assertEquals(Lobe.LOWER, Lobe.parse(" Lower "));
        assertEquals(Side.LEFT, Side.parse("left"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lobe.parse("lingula"));
        assertTrue(e.getMessage().contains("lingula"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Side.parse("both"));
        assertThrows(IllegalArgumentException.class, () -> Lobe.parse(null));
    }

    @Test
    void findingsRejectImpossibleCombinations() {
        assertThrows(IllegalArgumentException.class, () -> Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.MIDDLE, 12));
        assertThrows(IllegalArgumentException.class, () -> Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.UPPER, 3));
        assertThrows(IllegalArgumentException.class, () -> Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.UPPER, 45));
        assertThrows(IllegalArgumentException.class, () -> Finding.nodule(FindingType.CONSOLIDATION, Side.LEFT, Lobe.UPPER, 12));
        assertThrows(IllegalArgumentException.class, () -> Finding.effusion(Side.RIGHT, null));
        assertThrows(IllegalArgumentException.class, () -> new Finding(FindingType.EMPHYSEMA, null, null, 5.0, null));
        assertThrows(IllegalArgumentException.class, () -> new Finding(FindingType.SOLID_NODULE, Side.LEFT, Lobe.UPPER, null, null));
        assertThrows(IllegalArgumentException.class, () -> Finding.consolidation(null, Lobe.UPPER));
        assertEquals("right middle lobe", Lobe.MIDDLE.phrase(Side.RIGHT));
    }

    @Test
    void mirroringSwapsSidesAndMovesTheMiddleLobeToTheLingula() {
        assertEquals(Finding.nodule(FindingType.SOLID_NODULE, Side.LEFT, Lobe.UPPER, 12),
                Finding.nodule(FindingType.SOLID_NODULE, Side.RIGHT, Lobe.MIDDLE, 12).mirrored());
        Finding lower = Finding.consolidation(Side.LEFT, Lobe.LOWER);
        assertEquals(Finding.consolidation(Side.RIGHT, Lobe.LOWER), lower.mirrored());
        assertEquals(lower, lower.mirrored().mirrored());
        assertEquals(Finding.effusion(Side.RIGHT, Amount.SMALL), Finding.effusion(Side.LEFT, Amount.SMALL).mirrored());
        assertEquals(Finding.cardiomegaly(), Finding.cardiomegaly().mirrored());
        Patient p = new Patient(60, Sex.MALE, 0.3);
        assertEquals(new PhantomLabels(p, List.of(Finding.emphysema(), Finding.effusion(Side.LEFT, Amount.LARGE))),
                new PhantomLabels(p, List.of(Finding.emphysema(), Finding.effusion(Side.RIGHT, Amount.LARGE))).mirrored());
    }

    @Test
    void patientsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Patient(12, Sex.MALE, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Patient(40, null, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Patient(40, Sex.FEMALE, 1.2));
        PhantomLabels normal = new PhantomLabels(new Patient(40, Sex.FEMALE, 0.5), List.of());
        assertTrue(normal.isNormal());
    }

    @Test
    void lobeMapFollowsTheFissures() {
        LobeMap m = new LobeMap(new LobeMap.Bounds(0, 100, -50, 50), new LobeMap.Bounds(0, 100, -50, 50));
        assertEquals(Lobe.LOWER, m.lobeAt(Side.LEFT, -25, 25));
        assertEquals(Lobe.LOWER, m.lobeAt(Side.RIGHT, -50, 70), "the lower lobe reaches high at the back");
        assertEquals(Lobe.UPPER, m.lobeAt(Side.LEFT, 40, 30), "the left lung has no middle lobe");
        assertEquals(Lobe.MIDDLE, m.lobeAt(Side.RIGHT, 40, 30));
        assertEquals(Lobe.UPPER, m.lobeAt(Side.RIGHT, 0, 90));
    }
}
