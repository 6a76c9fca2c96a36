package org.text2ct.train.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws plausible labels for a training case: demographics, then a normal study or one to three
 * findings. Combinations that would hide a finding (a nodule inside a consolidated lobe, two
 * effusions on one side) are not drawn.
 */
public final class CaseSampler {

    static final double NORMAL_FRACTION = 0.25;
    private static final double SOLID_MIN_MM = 10;
    private static final double GGN_MAX_MM = 25;

    private CaseSampler() {
    }

    public static PhantomLabels sample(SplittableRandom rng) {
        Patient patient = new Patient(rng.nextInt(25, 86), rng.nextBoolean() ? Sex.MALE : Sex.FEMALE, rng.nextDouble());
        List<Finding> findings = new ArrayList<>();
        if (rng.nextDouble() >= NORMAL_FRACTION) {
            int wanted = 1 + rng.nextInt(3);
            for (int attempt = 0; findings.size() < wanted && attempt < 20; attempt++) {
                Finding f = draw(rng);
                if (compatible(f, findings)) {
                    findings.add(f);
                }
            }
        }
        return new PhantomLabels(patient, findings);
    }

    /** Labels whose mirror image is also drawable (two right-lung findings may meet in the left upper lobe). */
    public static PhantomLabels sampleMirrorable(SplittableRandom rng) {
        while (true) {
            PhantomLabels labels = sample(rng);
            if (consistent(labels.mirrored().findings())) {
                return labels;
            }
        }
    }

    static boolean consistent(List<Finding> findings) {
        for (int i = 1; i < findings.size(); i++) {
            if (!compatible(findings.get(i), findings.subList(0, i))) {
                return false;
            }
        }
        return true;
    }

    private static Finding draw(SplittableRandom rng) {
        Side side = rng.nextBoolean() ? Side.LEFT : Side.RIGHT;
        Lobe lobe = lobe(side, rng);
        int kind = rng.nextInt(10);
        return switch (kind) {
            case 0, 1, 2 -> Finding.nodule(FindingType.SOLID_NODULE, side, lobe,
                    Math.round(rng.nextDouble(SOLID_MIN_MM, Finding.MAX_NODULE_MM)));
            case 3 -> Finding.nodule(FindingType.GROUND_GLASS_NODULE, side, lobe,
                    Math.round(rng.nextDouble(SOLID_MIN_MM, GGN_MAX_MM)));
            case 4, 5 -> Finding.effusion(side, Amount.values()[rng.nextInt(Amount.values().length)]);
            case 6 -> Finding.consolidation(side, lobe);
            case 7, 8 -> Finding.cardiomegaly();
            default -> Finding.emphysema();
        };
    }

    private static Lobe lobe(Side side, SplittableRandom rng) {
        Lobe[] lobes = side == Side.RIGHT ? Lobe.values() : new Lobe[] {Lobe.UPPER, Lobe.LOWER};
        return lobes[rng.nextInt(lobes.length)];
    }

    private static boolean compatible(Finding f, List<Finding> chosen) {
        for (Finding o : chosen) {
            boolean sameLobe = f.side() == o.side() && f.lobe() != null && f.lobe() == o.lobe();
            boolean sameSingleton = f.type() == o.type() && f.side() == o.side() && !f.type().isNodule();
            if (sameLobe || sameSingleton) {
                return false;
            }
        }
        return true;
    }
}
