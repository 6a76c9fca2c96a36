package org.text2ct.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.text2ct.diffusion.Scheduler;

/**
 * Draws one LDM training batch: per item a random case, Gaussian noise, a uniform timestep, the
 * scheduler's noised latent and target, and the case's training prompt. A case whose twin (its
 * mirror image from {@code make-phantoms --mirror-pairs}) is in the set brings the twin along with
 * the same noise, timestep and prompt choices: the two items then differ only in the finding's
 * side and the word that names it: the contrast a model needs to learn left and right.
 */
final class LatentBatch {
    private final List<TrainingCase> cases;
    private final LatentDataset latents;
    private final Scheduler scheduler;
    private final TrainingPrompts prompts;
    private final int trainTimesteps;
    private final int[] twins;

    LatentBatch(List<TrainingCase> cases, LatentDataset latents, Scheduler scheduler, TrainingPrompts prompts,
            int trainTimesteps) {
        this.cases = cases;
        this.latents = latents;
        this.scheduler = scheduler;
        this.prompts = prompts;
        this.trainTimesteps = trainTimesteps;
        this.twins = twinIndices(cases);
    }

    /**
     * What one step feeds the UNet: inputs and targets flattened item after item.
     *
     * @param pairs the first index of each twin pair (items b and b+1)
     */
    record Items(float[] noisy, float[] target, float[] timesteps, List<String> texts, List<Integer> pairs) {
    }

    Items draw(SplittableRandom rng, int batch) {
        long[] one = latents.shape();
        int n = Math.toIntExact(one[1] * one[2] * one[3] * one[4]);
        Items out = new Items(new float[batch * n], new float[batch * n], new float[batch], new ArrayList<>(),
                new ArrayList<>());
        for (int b = 0; b < batch; b++) {
            int i = rng.nextInt(cases.size());
            float[] eps = StepRandom.gaussian(rng, n);
            int t = rng.nextInt(trainTimesteps);
            boolean paired = twins[i] >= 0 && b + 1 < batch;
            if (!paired) {
                put(out, b, n, i, eps, t, prompts.prompt(cases.get(i), rng));
                continue;
            }
            long promptSeed = rng.nextLong();
            out.pairs().add(b);
            put(out, b, n, i, eps, t, prompts.prompt(cases.get(i), new SplittableRandom(promptSeed)));
            b++;
            put(out, b, n, twins[i], eps, t, prompts.prompt(cases.get(twins[i]), new SplittableRandom(promptSeed)));
        }
        return out;
    }

    /** How many cases of the set have their twin in it. */
    int twinned() {
        int k = 0;
        for (int t : twins) {
            k += t >= 0 ? 1 : 0;
        }
        return k;
    }

    private void put(Items out, int b, int n, int i, float[] eps, int t, String prompt) {
        float[] x0 = latents.latents().get(i);
        out.timesteps()[b] = t;
        System.arraycopy(scheduler.addNoise(x0, eps, t), 0, out.noisy(), b * n, n);
        System.arraycopy(scheduler.trainingTarget(x0, eps, t), 0, out.target(), b * n, n);
        out.texts().add(prompt);
    }

    private static int[] twinIndices(List<TrainingCase> cases) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            index.put(cases.get(i).caseId(), i);
        }
        int[] twins = new int[cases.size()];
        for (int i = 0; i < twins.length; i++) {
            String twin = cases.get(i).twin();
            twins[i] = twin == null ? -1 : index.getOrDefault(twin, -1);
        }
        return twins;
    }
}
