package org.text2ct.train.faithfulness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.diffusion.ProgressListener;
import org.text2ct.eval.View;
import org.text2ct.nn.Engines;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.SplitOptions;
import org.text2ct.pipeline.GenerateRequest;
import org.text2ct.pipeline.GenerationModel;
import org.text2ct.pipeline.GenerationModels;
import org.text2ct.pipeline.GenerationPipeline;
import org.text2ct.pipeline.LatentToVolume;
import org.text2ct.pipeline.eval.EvaluationRequest;
import org.text2ct.pipeline.eval.EvaluationResult;
import org.text2ct.pipeline.eval.Extractors;
import org.text2ct.pipeline.eval.FeatureEvaluation;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.train.TrainingVolume;
import org.text2ct.train.phantom.Detection;
import org.text2ct.train.phantom.FindingTally;
import org.text2ct.train.phantom.PhantomGrid;
import org.text2ct.train.phantom.PhantomVolumes;
import org.text2ct.volume.CtVolume;

/**
 * Does a model follow its prompt? Generates one volume per held-back case with the model's
 * guidance and one without (scale 1, same seed), finds the findings in each with
 * {@link org.text2ct.train.phantom.FindingDetector}, and scores both sets with FID (the model's own VAE-latent extractor,
 * all three views) against the cases' phantoms. The detector also runs on the phantoms themselves,
 * which bounds what any model can reach, and on the phantoms passed through the model's VAE, which
 * bounds what a model with this VAE can reach; FID is computed for that set too, and for a second,
 * independent set of phantoms (case seed + 1), the floor of an FID over n volumes. Last,
 * {@link SideResponse} probes the UNet with the prompts and their side-swapped versions.
 */
public final class FaithfulnessCheck {

    /** @param guidance scale for the guided set; the other set uses 1 (no guidance) */
    public record Settings(int n, long caseSeed, long noiseSeed, int steps, double guidance, String device) {
        /** The case seed of the second, independent phantom set whose FID is the floor for n volumes. */
        public long floorCaseSeed() {
            return caseSeed + 1;
        }
    }

    private FaithfulnessCheck() {
    }

    public static FaithfulnessReport run(ModelPackage pkg, Settings s, Consumer<String> log) throws IOException {
        ModelManifest m = pkg.manifest();
        int[] size = m.output().size();
        double[] spacing = m.output().spacing();
        PhantomGrid grid = PhantomGrid.of(size[0], size[1], size[2], spacing);
        List<HeldOutCase> cases = HeldOutCase.sample(s.n(), s.caseSeed(), grid);
        FindingTally onPhantoms = new FindingTally();
        FindingTally roundTrip = new FindingTally();
        FindingTally guidedTally = new FindingTally();
        FindingTally plainTally = new FindingTally();
        List<CtVolume> guided = new ArrayList<>();
        List<CtVolume> plain = new ArrayList<>();
        List<CtVolume> reference = new ArrayList<>();
        List<CtVolume> viaVae = new ArrayList<>();
        long start = System.nanoTime();
        SideResponse side;
        try (NDManager manager = NDManager.newBaseManager(Engines.device(s.device()), "PyTorch")) {
            GenerationModel model = GenerationModels.load(pkg, manager);
            GenerationPipeline pipeline = new GenerationPipeline(model, manager);
            for (int i = 0; i < cases.size(); i++) {
                HeldOutCase c = cases.get(i);
                reference.add(c.reference());
                tally(onPhantoms, c, c.reference());
                viaVae.add(throughVae(model.vae(), c.reference(), manager));
                tally(roundTrip, c, viaVae.get(i));
                for (boolean withGuidance : new boolean[] {true, false}) {
                    GenerateRequest r = new GenerateRequest(c.prompt(), s.noiseSeed() + i, s.steps(),
                            withGuidance ? s.guidance() : 1.0, size, spacing, 0);
                    CtVolume v = pipeline.generate(r, ProgressListener.NONE, CancelToken.NEVER).volume();
                    (withGuidance ? guided : plain).add(v);
                    tally(withGuidance ? guidedTally : plainTally, c, v);
                }
                log.accept(String.format(Locale.ROOT, "case %d/%d done (%.0f s): %s", i + 1, cases.size(),
                        (System.nanoTime() - start) / 1e9, c.prompt()));
            }
            side = SideResponse.measure(model, pipeline, cases.stream().map(HeldOutCase::prompt).toList(),
                    new GenerateRequest(cases.get(0).prompt(), s.noiseSeed(), s.steps(), 1.0, size, spacing, 0));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.accept("FID of each set against the " + reference.size() + " phantoms");
        FeatureEvaluation fid = new FeatureEvaluation(new Extractors(s.device()).withModelPackage(pkg.directory()), null);
        // What a model drawing exactly the phantoms' distribution would score with n volumes: the floor of this FID.
        List<CtVolume> otherPhantoms = HeldOutCase.sample(s.n(), s.floorCaseSeed(), grid).stream()
                .map(HeldOutCase::reference).toList();
        List<EvaluationResult> fids = new ArrayList<>();
        for (List<CtVolume> set : List.of(otherPhantoms, viaVae, guided, plain)) {
            fids.add(fid.evaluate(request(set, reference), ProgressListener.NONE, CancelToken.NEVER));
        }
        return new FaithfulnessReport(s, onPhantoms, roundTrip, guidedTally, plainTally, fids, side,
                seconds / (2.0 * cases.size()));
    }

    /** The volume encoded to the VAE's mean latent and decoded again: what the VAE can express of it. */
    private static CtVolume throughVae(MaisiVae vae, CtVolume v, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray mean = vae.encode(TrainingVolume.of("reference", v).whole(scope), SplitOptions.auto()).mean();
            return LatentToVolume.toHu(vae.decode(mean, SplitOptions.auto()), v.spacing());
        }
    }

    private static void tally(FindingTally t, HeldOutCase c, CtVolume v) {
        Detection d;
        try {
            d = PhantomVolumes.detect(v);
        } catch (IllegalArgumentException noLungs) {
            t.addUnreadable(c.labels());
            return;
        }
        t.add(c.labels(), d);
    }

    private static EvaluationRequest request(List<CtVolume> generated, List<CtVolume> reference) {
        return new EvaluationRequest(generated, reference, List.of(), EnumSet.allOf(View.class), Extractors.VAE_LATENT);
    }
}
