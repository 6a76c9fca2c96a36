package org.text2ct.eval;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Collects per-view features of generated and reference volumes batch by batch, then computes the
 * per-view Fréchet distances. Only running moments are kept: for 2048-d features that is six
 * 2048×2048 double matrices (about 200 MB), however many slices are fed.
 */
public final class FidAccumulator {
    /** Which of the two compared sets a feature batch belongs to. */
    public enum Source { GENERATED, REFERENCE }

    private final String extractor;
    private final int featureDim;
    private final Map<Source, Map<View, RunningMoments>> moments = new EnumMap<>(Source.class);
    private final Map<Source, Integer> volumes = new EnumMap<>(Source.class);

    /** @param extractor names the feature network, so results from different networks are not mixed up */
    public FidAccumulator(String extractor, int featureDim) {
        if (extractor == null || extractor.isBlank()) {
            throw new IllegalArgumentException("the feature extractor must be named");
        }
        this.extractor = extractor;
        this.featureDim = featureDim;
        for (Source source : Source.values()) {
            Map<View, RunningMoments> perView = new EnumMap<>(View.class);
            for (View view : View.values()) {
                String name = (source + " " + view + " features").toLowerCase(Locale.ROOT);
                perView.put(view, new RunningMoments(name, featureDim));
            }
            moments.put(source, perView);
            volumes.put(source, 0);
        }
    }

    public int featureDim() {
        return featureDim;
    }

    /** Adds feature rows (one per slice) of one view. */
    public void add(Source source, View view, FeatureSet batch) {
        moments.get(source).get(view).add(batch);
    }

    /** Counts one whole volume of {@code source} as fed, for the result's n_generated / n_reference. */
    public void volumeDone(Source source) {
        volumes.merge(source, 1, Integer::sum);
    }

    public long samples(Source source, View view) {
        return moments.get(source).get(view).count();
    }

    /** The Fréchet distance of one view, for callers that score only some views; each set needs two feature rows. */
    public double distance(View view) {
        GaussianStatistics generated = moments.get(Source.GENERATED).get(view).statistics();
        GaussianStatistics reference = moments.get(Source.REFERENCE).get(view).statistics();
        return FrechetDistance.between(generated, reference);
    }

    /** The per-view distances; each view of each set needs at least two feature rows. */
    public FidResult result() {
        for (Source source : Source.values()) {
            if (volumes.get(source) == 0) {
                throw new IllegalStateException("no " + source.toString().toLowerCase(Locale.ROOT)
                        + " volume was marked done");
            }
        }
        Map<View, Double> distance = new EnumMap<>(View.class);
        for (View view : View.values()) {
            distance.put(view, distance(view));
        }
        return new FidResult(distance.get(View.AXIAL), distance.get(View.SAGITTAL), distance.get(View.CORONAL),
                extractor, volumes.get(Source.GENERATED), volumes.get(Source.REFERENCE));
    }
}
