package org.text2ct.train.phantom;

import java.util.List;
import java.util.Set;

/** What {@link FindingDetector} found in a volume. */
public record Detection(List<Nodule> nodules, Set<Side> effusions, double cardiothoracicRatio) {

    /** A nodule: where, how big (diameter of the sphere of equal volume), and whether solid. */
    public record Nodule(Side side, Lobe lobe, double diameterMm, boolean solid) { }

    /**
     * A cardiothoracic ratio above this is cardiomegaly. Radiology uses 0.5; on the phantoms normal
     * hearts (true ratio 0.40–0.47) measure 0.38–0.47 and enlarged ones (0.58–0.66) 0.56–0.66.
     */
    public static final double CARDIOMEGALY_CTR = 0.52;

    public Detection {
        nodules = List.copyOf(nodules);
        effusions = Set.copyOf(effusions);
    }

    public boolean cardiomegaly() {
        return cardiothoracicRatio > CARDIOMEGALY_CTR;
    }
}
