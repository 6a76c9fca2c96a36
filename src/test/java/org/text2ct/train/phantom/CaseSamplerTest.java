package org.text2ct.train.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
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
    void sameSeedSameLabels() {
        assertEquals(CaseSampler.sample(new SplittableRandom(77)), CaseSampler.sample(new SplittableRandom(77)));
    }
}
