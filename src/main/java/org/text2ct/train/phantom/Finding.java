package org.text2ct.train.phantom;

/**
 * One labelled abnormality. Fields that do not apply to a type are null (and left out of JSON);
 * the factories check that each type gets exactly what it needs.
 *
 * @param sizeMm diameter of a nodule
 */
public record Finding(FindingType type, Side side, Lobe lobe, Double sizeMm, Amount amount) {

    /** Nodules smaller than this are not resolved at the demo's 3 mm voxels. */
    public static final double MIN_NODULE_MM = 6;
    /** Larger opacities are masses or consolidation, not nodules. */
    public static final double MAX_NODULE_MM = 30;

    public Finding {
        if (type == null) {
            throw new IllegalArgumentException("finding type is required");
        }
        if (type.isNodule() != (sizeMm != null)) {
            throw new IllegalArgumentException("a size belongs to nodules only, got " + sizeMm + " for " + type);
        }
        if (type.isNodule() && !(sizeMm >= MIN_NODULE_MM && sizeMm <= MAX_NODULE_MM)) {
            throw new IllegalArgumentException(
                    "nodule size must be " + MIN_NODULE_MM + ".." + MAX_NODULE_MM + " mm, got " + sizeMm);
        }
        if (lobe != null && (side == null || !lobe.existsOn(side))) {
            throw new IllegalArgumentException("no " + lobe.word() + " lobe on side " + side);
        }
    }

    /**
     * The same finding on the other side. A right middle lobe finding moves to the left upper lobe,
     * whose lingula is the middle lobe's counterpart; findings without a side stay as they are.
     */
    public Finding mirrored() {
        if (side == null) {
            return this;
        }
        return new Finding(type, side.opposite(), lobe == Lobe.MIDDLE ? Lobe.UPPER : lobe, sizeMm, amount);
    }

    public static Finding nodule(FindingType type, Side side, Lobe lobe, double sizeMm) {
        if (!type.isNodule()) {
            throw new IllegalArgumentException(type + " is not a nodule");
        }
        return new Finding(type, requireSide(side), requireLobe(lobe), sizeMm, null);
    }

    public static Finding effusion(Side side, Amount amount) {
        if (amount == null) {
            throw new IllegalArgumentException("effusion amount is required");
        }
        return new Finding(FindingType.PLEURAL_EFFUSION, requireSide(side), null, null, amount);
    }

    public static Finding consolidation(Side side, Lobe lobe) {
        return new Finding(FindingType.CONSOLIDATION, requireSide(side), requireLobe(lobe), null, null);
    }

    public static Finding cardiomegaly() {
        return new Finding(FindingType.CARDIOMEGALY, null, null, null, null);
    }

    public static Finding emphysema() {
        return new Finding(FindingType.EMPHYSEMA, null, null, null, null);
    }

    private static Side requireSide(Side side) {
        if (side == null) {
            throw new IllegalArgumentException("side is required");
        }
        return side;
    }

    private static Lobe requireLobe(Lobe lobe) {
        if (lobe == null) {
            throw new IllegalArgumentException("lobe is required");
        }
        return lobe;
    }
}
