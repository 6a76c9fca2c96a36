package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.weights.TensorData;

/**
 * Fine-tunes the VAE decoder of a model package with its encoder frozen: the training volumes are
 * encoded once to their mean latents (what the diffusion model trains on and learns to generate),
 * and the decoder ({@code post_quant_conv} and {@code decoder.*}) learns to map random latent
 * patches back to the matching image patches, loss = L1 (mean over voxels). The latents do not
 * move, so the package's UNet, text encoder and latent scale factor stay valid.
 */
public final class DecoderTrainer implements Trainer {
    public static final String KIND = "vae-decoder";

    /** @param patch image patch (voxels), a multiple of the VAE's down factor in every axis */
    public record Settings(int steps, int batch, double lr, int[] patch, long seed, double maxGradNorm) {
    }

    private final Settings s;
    private final String configJson;
    private final List<TrainingVolume> volumes;
    private final List<float[]> latents;
    private final long[] latentShape;
    private final int factor;
    private final NDManager manager;
    private final TrainableParams params;
    private final MaisiVae vae;
    private final Map<String, NDArray> decoderParams = new LinkedHashMap<>();
    private final Adam adam;
    private final LrSchedule schedule;
    private final ModelPackage source;
    private final JsonObject provenance;
    private int step;
    private double lastLoss = Double.NaN;
    private double trainSeconds;

    /**
     * @param source the package whose VAE is tuned; the result is a copy of it with the tuned decoder
     * @param encoded called with the count of volumes encoded so far
     */
    public DecoderTrainer(Settings s, TrainingSet data, ModelPackage source, NDManager manager, TrainingCheckpoint resume,
            JsonObject provenance, IntConsumer encoded) throws IOException {
        this.s = s;
        this.source = source;
        this.provenance = provenance;
        this.configJson = source.manifest().autoencoder().config().toString();
        VaeConfig config = VaeConfig.fromJson(configJson);
        factor = config.downFactor();
        VaeTrainer.checkPatch(s.patch(), factor, data.size());
        this.volumes = data.volumes();
        this.manager = manager;
        Map<String, TensorData> initial = LdmInit.read(source.directory().resolve(source.manifest().autoencoder().file()));
        params = new TrainableParams(manager, s.seed(), resume == null ? initial : resume.params());
        vae = new MaisiVae(config, params.store());
        if (!params.params().keySet().equals(initial.keySet())) {
            throw new TrainingDataException(source.directory() + ": the autoencoder's tensors do not match its config");
        }
        params.params().forEach((k, v) -> {
            if (k.startsWith("decoder.") || k.startsWith("post_quant_conv.")) {
                decoderParams.put(k, v);
            }
        });
        LatentDataset d = LatentDataset.encode(vae, data, manager, OptionalDouble.of(1.0), encoded);
        latents = d.latents();
        latentShape = d.shape();
        adam = new Adam(manager);
        schedule = LrSchedule.standard(s.lr(), s.steps());
        if (resume != null) {
            adam.restore(resume.optimizer(), resume.step());
            step = resume.step();
            trainSeconds = Double.parseDouble(resume.settings().getOrDefault(LdmTrainer.TRAIN_SECONDS, "0"));
        }
    }

    @Override
    public String[] lossColumns() {
        return new String[] {"recon", "lr"};
    }

    @Override
    public double[] step() {
        long start = System.nanoTime();
        SplittableRandom rng = StepRandom.of(s.seed(), step);
        double lr = schedule.at(step);
        try (NDManager scope = manager.newSubManager()) {
            NDList zs = new NDList();
            NDList xs = new NDList();
            for (int b = 0; b < s.batch(); b++) {
                int i = rng.nextInt(volumes.size());
                int[] lo = new int[3];
                int[] size = new int[3];
                for (int a = 0; a < 3; a++) {
                    size[a] = s.patch()[a] / factor;
                    lo[a] = rng.nextInt((int) latentShape[2 + a] - size[a] + 1);
                }
                zs.add(scope.create(latents.get(i), new Shape(latentShape)).get(":, :, {}:{}, {}:{}, {}:{}",
                        lo[0], lo[0] + size[0], lo[1], lo[1] + size[1], lo[2], lo[2] + size[2]));
                xs.add(volumes.get(i).patch(scope, new int[] {lo[0] * factor, lo[1] * factor, lo[2] * factor}, s.patch()));
            }
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                NDArray recon = vae.decodeForTraining(NDArrays.concat(zs, 0)).sub(NDArrays.concat(xs, 0)).abs().mean();
                gc.backward(recon);
                lastLoss = recon.getFloat();
            }
            adam.step(decoderParams, lr, s.maxGradNorm());
        }
        step++;
        trainSeconds += (System.nanoTime() - start) / 1e9;
        return new double[] {lastLoss, lr};
    }

    @Override
    public int completedSteps() {
        return step;
    }

    @Override
    public TrainingCheckpoint checkpoint() {
        return new TrainingCheckpoint(KIND, step, s.seed(), Map.of(WeightMetadata.CONFIG, configJson,
                LdmTrainer.TRAIN_SECONDS, Double.toString(trainSeconds)), params.snapshot(), adam.state());
    }

    /** A copy of the source package in folder {@code out} with the tuned autoencoder and the run's provenance. */
    @Override
    public void writeResult(Path out) throws IOException {
        JsonObject p = provenance.deepCopy();
        p.addProperty("steps", step);
        p.addProperty("final_loss", lastLoss);
        p.addProperty("train_seconds", trainSeconds);
        DecoderPackage.write(out, source, params.snapshot(), configJson, p);
    }

    MaisiVae vae() {
        return vae;
    }
}
