package org.text2ct.pipeline.eval;

import java.util.EnumMap;
import java.util.Map;
import org.text2ct.eval.View;

/** Running CLIP scores per view: the mean of 100 × cosine over every slice, clamped at 0 after averaging. */
final class ViewScores {
    private final Map<View, double[]> sums = new EnumMap<>(View.class);

    void add(View view, float[] cosines) {
        double[] s = sums.computeIfAbsent(view, v -> new double[2]);
        for (float c : cosines) {
            s[0] += 100.0 * c;
            s[1]++;
        }
    }

    /** NaN for a view with no slices scored. */
    double score(View view) {
        double[] s = sums.get(view);
        return s == null || s[1] == 0 ? Double.NaN : Math.max(0, s[0] / s[1]);
    }
}
