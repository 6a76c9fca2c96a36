package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.weights.SafeTensorsWriter;

/**
 * Trains the MAISI VAE on random patches of the training volumes: loss = L1 reconstruction
 * (mean over voxels) + klWeight · KL, where KL = ½·Σ(μ² + σ² − log σ² − 1) summed over the
 * latent and averaged over the batch, as MONAI's MAISI recipe computes it. The decoder sees
 * z = μ + σ·ε (reparameterisation).
 */
public final class VaeTrainer implements Trainer {
    public static final String KIND = "vae";

    /**
     * @param klWeight 1e-6 by default: with KL summed over the latent it keeps the latent near unit
     *     scale without blurring reconstructions (MAISI uses 1e-7 next to perceptual/adversarial terms)
     */
    public record Settings(String configJson, int steps, int batch, double lr, int[] patch, long seed,
            double klWeight, double maxGradNorm) {
        public static final double DEFAULT_KL_WEIGHT = 1e-6;
    }

    private final Settings s;
    private final VaeConfig config;
    private final List<TrainingVolume> volumes;
    private final NDManager manager;
    private final TrainableParams params;
    private final MaisiVae vae;
    private final Adam adam;
    private final LrSchedule schedule;
    private int step;

    public VaeTrainer(Settings s, TrainingSet data, NDManager manager, TrainingCheckpoint resume) {
        this.s = s;
        this.config = VaeConfig.fromJson(s.configJson());
        this.volumes = data.volumes();
        this.manager = manager;
        checkPatch(s.patch(), config.downFactor(), data.size());
        params = new TrainableParams(manager, s.seed(), resume == null ? Map.of() : resume.params());
        vae = new MaisiVae(config, params.store());
        adam = new Adam(manager);
        schedule = LrSchedule.standard(s.lr(), s.steps());
        if (resume != null) {
            adam.restore(resume.optimizer(), resume.step());
            step = resume.step();
        }
    }

    @Override
    public String[] lossColumns() {
        return new String[] {"loss", "recon", "kl", "lr"};
    }

    @Override
    public double[] step() {
        SplittableRandom rng = StepRandom.of(s.seed(), step);
        double lr = schedule.at(step);
        double[] out;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = batch(scope, rng);
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                MaisiVae.Encoded e = vae.encodeForTraining(x);
                NDArray mu = e.mean();
                NDArray sigma = e.sigma();
                float[] eps = StepRandom.gaussian(rng, Math.toIntExact(mu.size()));
                NDArray z = mu.add(sigma.mul(scope.create(eps, mu.getShape())));
                NDArray recon = vae.decodeForTraining(z).sub(x).abs().mean();
                NDArray var = sigma.square();
                NDArray kl = mu.square().add(var).sub(var.add(1e-8f).log()).sub(1f).sum().mul(0.5f / s.batch());
                NDArray loss = recon.add(kl.mul((float) s.klWeight()));
                gc.backward(loss);
                out = new double[] {loss.getFloat(), recon.getFloat(), kl.getFloat(), lr};
            }
            adam.step(params.params(), lr, s.maxGradNorm());
        }
        step++;
        return out;
    }

    private NDArray batch(NDManager scope, SplittableRandom rng) {
        NDList items = new NDList();
        for (int b = 0; b < s.batch(); b++) {
            TrainingVolume v = volumes.get(rng.nextInt(volumes.size()));
            int[] size = v.size();
            int[] origin = new int[3];
            for (int a = 0; a < 3; a++) {
                origin[a] = rng.nextInt(size[a] - s.patch()[a] + 1);
            }
            items.add(v.patch(scope, origin, s.patch()));
        }
        return NDArrays.concat(items, 0);
    }

    @Override
    public int completedSteps() {
        return step;
    }

    @Override
    public TrainingCheckpoint checkpoint() {
        return new TrainingCheckpoint(KIND, step, s.seed(), Map.of(WeightMetadata.CONFIG, s.configJson()),
                params.snapshot(), adam.state());
    }

    /** The VAE weights under MONAI's keys with the config in the metadata, as the importers write them. */
    @Override
    public void writeResult(Path out) throws IOException {
        SafeTensorsWriter.write(out, params.snapshot(), Map.of(WeightMetadata.CONFIG, s.configJson()), true);
    }

    MaisiVae vae() {
        return vae;
    }

    TrainableParams params() {
        return params;
    }

    static void checkPatch(int[] patch, int factor, int[] size) {
        for (int a = 0; a < 3; a++) {
            if (patch[a] % factor != 0 || patch[a] > size[a] || patch[a] < factor) {
                throw new TrainingDataException("patch " + TrainingSet.sizeText(patch) + " must fit in the volumes ("
                        + TrainingSet.sizeText(size) + ") and be a multiple of the VAE's factor " + factor
                        + " in every axis");
            }
        }
    }
}
