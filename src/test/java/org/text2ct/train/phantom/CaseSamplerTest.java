package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaseSamplerTest {

    @Test
    void drawsEveryFindingTypeAndAQuarterNormals() {
        SplittableRandom rng = new SplittableRandom(1);
        Set<FindingType> seen = EnumSet.noneOf(FindingType.class);
        int normal = 0, n = 1000;
        for (int i = 0; i < n; i++) {
            PhantomLabels l = CaseSampler.sample(rng);
            normal += l.isNormal() ? 1 : 0;
            l.findings().forEach(f -> seen.add(f.type()));
            assertTrue(l.findings().size() <= 3);
            for (Finding c : l.of(FindingType.CONSOLIDATION)) {
                assertFalse(l.findings().stream().anyMatch(f -> f.type().isNodule() && f.side() == c.side() && f.lobe() == c.lobe()),
                        "nodule hidden in consolidation: " + l);
            }
            assertTrue(l.of(FindingType.CARDIOMEGALY).size() <= 1 && l.of(FindingType.EMPHYSEMA).size() <= 1, l.toString());
        }
        assertEquals(EnumSet.allOf(FindingType.class), seen);
        assertEquals(CaseSampler.NORMAL_FRACTION, normal / (double) n, 0.05);
    }

    @Test
    void mirrorableLabelsStayDrawableOnTheOtherSide() {
        SplittableRandom rng = new SplittableRandom(3);
        int middle = 0;
        for (int i = 0; i < 1000; i++) {
            PhantomLabels l = CaseSampler.sampleMirrorable(rng);
            assertTrue(CaseSampler.consistent(l.mirrored().findings()), l.toString());
            middle += l.findings().stream().anyMatch(f -> f.lobe() == Lobe.MIDDLE) ? 1 : 0;
        }
        assertTrue(middle > 50, "middle lobe findings are still drawn: " + middle);
        Patient p = new Patient(50, Sex.FEMALE, 0.5);
        PhantomLabels clash = new PhantomLabels(p, List.of(Finding.consolidation(Side.RIGHT, Lobe.MIDDLE),
                Finding.nodule(FindingType.SOLID_NODULE, Side.RIGHT, Lobe.UPPER, 12)));
        assertTrue(CaseSampler.consistent(clash.findings()));
        assertFalse(CaseSampler.consistent(clash.mirrored().findings()), "both land in the left upper lobe");
    }

    @Test
    void sameSeedSameLabels() {
        assertEquals(CaseSampler.sample(new SplittableRandom(77)), CaseSampler.sample(new SplittableRandom(77)));
    }
}
