package org.text2ct.pipeline.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Consumer;
import org.text2ct.diffusion.SeededGaussian;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetInputs;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.SplitOptions;
import org.text2ct.nn.ParamStore;

/**
 * Speed and memory of the networks at released sizes with random weights: the tensor-split VAE
 * decode and one guided UNet forward. Each case runs {@code warmups} times untimed, then
 * {@code repeat} times; the best time is reported with the peak resident memory since the case began.
 */
public final class Benchmarks {
    private final Device device;
    private final int repeat;
    private final int warmups;

    public Benchmarks(Device device, int repeat, int warmups) {
        this.device = device;
        this.repeat = repeat;
        this.warmups = warmups;
    }

    /** @param splits 0 for the automatic choice */
    public BenchResult vaeDecode(long[] latent, int splits) {
        try (NDManager m = NDManager.newBaseManager(device, "PyTorch")) {
            MaisiVae vae = new MaisiVae(ReleasedConfigs.maisiVae(), ParamStore.random(m, 1));
            NDArray z = noise(m, 1, 4, latent);
            long[] shape = z.getShape().getShape();
            SplitOptions options = SplitOptions.auto().withSplits(splits);
            int k = vae.chooseSplits(shape, options, true);
            double best = time(() -> {
                try (NDManager step = m.newSubManager()) {
                    NDArray zs = z.duplicate();
                    zs.attach(step);
                    vae.decode(zs, options.withSplits(k)).attach(step);
                }
            });
            String label = splits == 0 ? "auto:" + k : splits == k ? String.valueOf(k) : splits + "->" + k;
            return new BenchResult("vae-decode", text(latent), label, best,
                    PeakMemory.peakResidentMb());
        }
    }

    public BenchResult unet(long[] latent, int batch, int contextLength) {
        try (NDManager m = NDManager.newBaseManager(device, "PyTorch")) {
            MaisiUnet unet = new MaisiUnet(ReleasedConfigs.text2ctUnet(), ParamStore.random(m, 2));
            UnetInputs in = new UnetInputs(noise(m, batch, 4, latent),
                    m.create(new float[batch]).add(500f),
                    m.randomNormal(new Shape(batch, contextLength, unet.config().crossAttentionDim())), null,
                    m.zeros(new Shape(batch), ai.djl.ndarray.types.DataType.INT64),
                    null, null, m.create(new float[] {75f, 75f, 150f}).expandDims(0).repeat(0, batch));
            double best = time(() -> {
                try (NDManager step = m.newSubManager()) {
                    unet.forward(in).attach(step);
                }
            });
            return new BenchResult("unet-forward-batch" + batch, text(latent), "-", best, PeakMemory.peakResidentMb());
        }
    }

    /**
     * The whole generation at released sizes: one guided step (UNet on a batch of two) times
     * {@code steps}, plus the tensor-split decode; the sampler's own work is negligible beside them.
     * Reports the step, the decode and the total, each as soon as it is known.
     */
    public void pipeline(long[] latent, int steps, int contextLength, int splits, Consumer<BenchResult> report) {
        BenchResult step = unet(latent, 2, contextLength);
        report.accept(step);
        BenchResult decode = vaeDecode(latent, splits);
        report.accept(decode);
        report.accept(new BenchResult("pipeline-" + steps + "-steps-guided", text(latent), decode.splits(),
                step.seconds() * steps + decode.seconds(), Math.max(step.peakMb(), decode.peakMb())));
    }

    private double time(Runnable r) {
        PeakMemory.reset();
        for (int i = 0; i < warmups; i++) {
            r.run();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static NDArray noise(NDManager m, int batch, int channels, long[] latent) {
        Shape s = new Shape(batch, channels, latent[0], latent[1], latent[2]);
        return m.create(SeededGaussian.noise(0, Math.toIntExact(s.size())), s);
    }

    static String text(long[] latent) {
        return latent[0] + "x" + latent[1] + "x" + latent[2];
    }
}
