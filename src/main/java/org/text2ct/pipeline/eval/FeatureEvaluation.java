package org.text2ct.pipeline.eval;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.eval.FidAccumulator;
import org.text2ct.eval.FidAccumulator.Source;
import org.text2ct.eval.View;
import org.text2ct.eval.ViewSlicer;
import org.text2ct.eval.Volume3;
import org.text2ct.volume.CtVolume;

/**
 * The paper's 2.5D evaluation: both sets prepared alike ({@link EvalVolumes}), each view's feature
 * rows from the named extractor into an {@link FidAccumulator}; generated slices are
 * also CLIP-scored against their prompt when prompts are given. One progress step is one volume in
 * one view; cancel is checked before each.
 */
public final class FeatureEvaluation implements Evaluation {
    /** Slices per CLIP image-tower call. */
    static final int CLIP_BATCH_SLICES = 16;

    private final Extractors extractors;
    private final ClipScorer clip;

    /** @param clip scores generated slices against prompts; null when no CLIP model is loaded */
    public FeatureEvaluation(Extractors extractors, ClipScorer clip) {
        this.extractors = extractors;
        this.clip = clip;
    }

    @Override
    public EvaluationResult evaluate(EvaluationRequest r, ProgressListener progress, CancelToken cancel) {
        boolean scoreClip = !r.prompts().isEmpty();
        if (scoreClip && clip == null) {
            throw new IllegalArgumentException("prompts were given but no CLIP model is loaded");
        }
        List<View> views = List.of(View.values()).stream().filter(r.views()::contains).toList();
        Steps steps = new Steps(progress, (r.generated().size() + r.reference().size()) * views.size());
        ViewScores clipScores = new ViewScores();
        try (FeatureExtractor extractor = extractors.open(r.extractor())) {
            FidAccumulator fid = new FidAccumulator(extractor.name(), extractor.featureDim());
            for (int i = 0; i < r.generated().size(); i++) {
                String prompt = scoreClip ? r.promptOf(i) : null;
                feed(r.generated().get(i), Source.GENERATED, views, extractor, fid, prompt, clipScores, steps, cancel);
            }
            for (CtVolume v : r.reference()) {
                feed(v, Source.REFERENCE, views, extractor, fid, null, clipScores, steps, cancel);
            }
            double[] f = new double[3];
            double[] c = new double[3];
            for (View view : View.values()) {
                f[view.ordinal()] = r.views().contains(view) ? fid.distance(view) : Double.NaN;
                c[view.ordinal()] = r.views().contains(view) ? clipScores.score(view) : Double.NaN;
            }
            return new EvaluationResult(f[0], f[1], f[2], meanOf(f, r.views()), c[0], c[1], c[2],
                    meanOf(c, r.views()), extractor.name(), r.generated().size(), r.reference().size());
        }
    }

    private void feed(CtVolume volume, Source source, List<View> views, FeatureExtractor extractor, FidAccumulator fid,
            String prompt, ViewScores clipScores, Steps steps, CancelToken cancel) {
        Volume3 prepared = EvalVolumes.prepare(volume);
        for (View view : views) {
            if (cancel.isCancelled()) {
                throw new CancellationException("evaluation cancelled after " + steps.done + " of " + steps.total
                        + " volume views");
            }
            fid.add(source, view, extractor.extract(prepared, view));
            if (prompt != null) {
                ViewSlicer slicer = new ViewSlicer(prepared, view, CLIP_BATCH_SLICES);
                while (slicer.hasNext()) {
                    clipScores.add(view, clip.cosines(prompt, slicer.next()));
                }
            }
            steps.done();
        }
        fid.volumeDone(source);
    }

    /** The mean over the scored views; NaN when any scored view is NaN (no prompts). */
    private static double meanOf(double[] perView, Set<View> views) {
        double sum = 0;
        for (View v : views) {
            sum += perView[v.ordinal()];
        }
        return sum / views.size();
    }

    /** Counts finished volume views and tells the listener, with an estimate of the time left. */
    private static final class Steps {
        private final ProgressListener listener;
        private final int total;
        private final long start = System.nanoTime();
        private int done;

        Steps(ProgressListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        void done() {
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9;
            listener.onStep(done, total, elapsed, elapsed / done * (total - done));
        }
    }
}
