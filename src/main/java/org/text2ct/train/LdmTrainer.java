package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.text2ct.diffusion.Scheduler;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.unet.UnetInputs;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

/**
 * Trains the diffusion UNet (and a from-scratch text encoder, when there is one) on the frozen
 * VAE's scaled latents: per item a uniform random timestep, Gaussian noise, the scheduler's
 * noised latent and training target (velocity for v-prediction, x₀ − ε for rectified flow), MSE
 * between the UNet's output and the target; prompts drop out to the empty prompt for guidance.
 */
public final class LdmTrainer implements Trainer {
    public static final String KIND = "ldm";
    static final String UNET_PREFIX = "unet.";
    static final String TEXT_PREFIX = "text.";
    /** Checkpoint setting: seconds of training steps so far, so a resumed run's provenance counts them all. */
    static final String TRAIN_SECONDS = "train_seconds";

    /**
     * @param twinWeight weight of the twin term: the MSE between a twin pair's difference of predictions and its
     *        difference of targets, which is all about the finding's side (0: plain MSE only)
     * @param maskPadding whether cross-attention skips the prompts' padded tokens (see {@code UnetInputs})
     */
    public record Settings(String unetJson, int steps, int batch, double lr, long seed, TrainingPrompts prompts,
            double maxGradNorm, int trainTimesteps, double twinWeight, boolean maskPadding) {
    }

    private final Settings s;
    private final LatentDataset latents;
    private final LdmText text;
    private final NDManager manager;
    private final TrainableParams unetParams;
    private final MaisiUnet unet;
    private final Map<String, NDArray> all = new LinkedHashMap<>();
    private final Adam adam;
    private final LrSchedule schedule;
    private final LatentBatch batches;
    private final LdmPackage.Spec spec;
    private final JsonObject provenance;
    private int step;
    private double lastLoss = Double.NaN;
    private double trainSeconds;

    /**
     * @param initialUnet UNet weights to start from when not resuming (a package being fine-tuned), or an empty map
     *        for a fresh initialisation
     */
    public LdmTrainer(Settings s, List<TrainingCase> cases, LatentDataset latents, Scheduler scheduler, LdmText text,
            NDManager manager, Map<String, TensorData> initialUnet, TrainingCheckpoint resume, LdmPackage.Spec spec,
            JsonObject provenance) {
        this.s = s;
        this.spec = spec;
        this.provenance = provenance;
        this.latents = latents;
        this.text = text;
        this.manager = manager;
        UnetConfig config = UnetConfig.fromJson(s.unetJson());
        if (config.crossAttentionDim() == null || config.crossAttentionDim() != text.width()) {
            throw new IllegalArgumentException("the UNet's cross_attention_dim (" + config.crossAttentionDim()
                    + ") must equal the text encoder's width " + text.width());
        }
        unetParams = new TrainableParams(manager, s.seed(), resume == null ? initialUnet
                : unprefixed(resume.params(), UNET_PREFIX));
        unet = new MaisiUnet(config, unetParams.store());
        unetParams.params().forEach((k, v) -> all.put(UNET_PREFIX + k, v));
        text.trainable().forEach((k, v) -> all.put(TEXT_PREFIX + k, v));
        adam = new Adam(manager);
        schedule = LrSchedule.standard(s.lr(), s.steps());
        batches = new LatentBatch(cases, latents, scheduler, s.prompts(), s.trainTimesteps());
        if (resume != null) {
            adam.restore(resume.optimizer(), resume.step());
            step = resume.step();
            trainSeconds = Double.parseDouble(resume.settings().getOrDefault(TRAIN_SECONDS, "0"));
        }
    }

    /** The text-encoder part of a checkpoint's parameters, to start a trainable encoder from. */
    public static Map<String, TensorData> textParams(TrainingCheckpoint resume) {
        return resume == null ? Map.of() : unprefixed(resume.params(), TEXT_PREFIX);
    }

    /** Cases drawn together with their mirrored twin (see {@link LatentBatch}). */
    public int twinnedCases() {
        return batches.twinned();
    }

    @Override
    public String[] lossColumns() {
        // With the twin term, its two parts are logged too, to show whether the side-dependent part is learned.
        return s.twinWeight() > 0 ? new String[] {"loss", "mse", "twin", "lr"} : new String[] {"loss", "lr"};
    }

    @Override
    public double[] step() {
        LatentBatch.Items items = batches.draw(StepRandom.of(s.seed(), step), s.batch());
        long[] one = latents.shape();
        double lr = schedule.at(step);
        long start = System.nanoTime();
        double loss;
        double mse;
        double twin = Double.NaN;
        try (NDManager scope = manager.newSubManager()) {
            Shape shape = new Shape(s.batch(), one[1], one[2], one[3], one[4]);
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                LdmText.Context context = text.context(items.texts(), scope);
                NDArray pred = unet.forward(new UnetInputs(scope.create(items.noisy(), shape),
                        scope.create(items.timesteps()), context.states(), s.maskPadding() ? context.mask() : null,
                        null, null, null, null));
                NDArray target = scope.create(items.target(), shape);
                NDArray mseArray = pred.sub(target).square().mean();
                NDArray total = mseArray;
                if (s.twinWeight() > 0 && !items.pairs().isEmpty()) {
                    NDArray twinMse = twinTerm(pred, target, items.pairs(), scope);
                    twin = twinMse.getFloat();
                    total = total.add(twinMse.mul((float) s.twinWeight()));
                }
                gc.backward(total);
                loss = total.getFloat();
                // Read back separately only when the twin term made the total differ from it.
                mse = total == mseArray ? loss : mseArray.getFloat();
            }
            adam.step(all, lr, s.maxGradNorm());
        }
        step++;
        lastLoss = loss;
        trainSeconds += (System.nanoTime() - start) / 1e9;
        return s.twinWeight() > 0 ? new double[] {loss, mse, twin, lr} : new double[] {loss, lr};
    }

    /** MSE of (pred_a − pred_b) against (target_a − target_b) over the twin pairs (a = b, b + 1). */
    static NDArray twinTerm(NDArray pred, NDArray target, List<Integer> pairs, NDManager scope) {
        long[] first = pairs.stream().mapToLong(Integer::longValue).toArray();
        long[] second = pairs.stream().mapToLong(b -> b + 1L).toArray();
        NDIndex a = new NDIndex("{}", scope.create(first));
        NDIndex b = new NDIndex("{}", scope.create(second));
        return pred.get(a).sub(pred.get(b)).sub(target.get(a).sub(target.get(b))).square().mean();
    }

    @Override
    public int completedSteps() {
        return step;
    }

    @Override
    public TrainingCheckpoint checkpoint() {
        Map<String, TensorData> params = new LinkedHashMap<>();
        all.forEach((k, v) -> params.put(k, Tensors.toTensorData(v)));
        return new TrainingCheckpoint(KIND, step, s.seed(), Map.of(WeightMetadata.CONFIG, s.unetJson(), TRAIN_SECONDS,
                Double.toString(trainSeconds)), params, adam.state());
    }

    /** The model package (see {@link LdmPackage}) in folder {@code out}, with the run's provenance. */
    @Override
    public void writeResult(Path out) throws IOException {
        JsonObject p = provenance.deepCopy();
        p.addProperty("steps", step);
        p.addProperty("final_loss", lastLoss);
        p.addProperty("latent_scale_factor", latents.scaleFactor());
        p.addProperty("train_seconds", trainSeconds);
        LdmPackage.write(out, spec, this, text, p);
    }

    /** The UNet weights (MONAI keys, config and scale factor in the metadata, as the importers write them). */
    void writeUnet(Path out) throws IOException {
        SafeTensorsWriter.write(out, unetParams.snapshot(), Map.of(WeightMetadata.CONFIG, s.unetJson(),
                WeightMetadata.SCALE_FACTOR, Double.toString(latents.scaleFactor())), true);
    }

    String unetJson() {
        return s.unetJson();
    }

    double scaleFactor() {
        return latents.scaleFactor();
    }

    boolean masksPadding() {
        return s.maskPadding();
    }

    private static Map<String, TensorData> unprefixed(Map<String, TensorData> params, String prefix) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
