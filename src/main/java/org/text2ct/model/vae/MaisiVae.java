package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.text2ct.nn.Activations;
import org.text2ct.nn.ConvLayer;
import org.text2ct.nn.ParamStore;

/**
 * MONAI's AutoencoderKlMaisi with tensor splitting: encode to (mean, sigma) and decode, each
 * computed slab by slab along one spatial axis with group norms over the whole volume, so any
 * split count gives the unsplit result and memory stays bounded for 512×512×192 outputs.
 */
public final class MaisiVae {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(MaisiVae.class.getName());

    /** The encoder's outputs; sigma = exp(clamp(log variance, −30, 20) / 2). */
    public record Encoded(NDArray mean, NDArray sigma) {
    }

    private final VaeConfig config;
    private final List<VaeBlock> encoder;
    private final List<VaeBlock> decoder;
    private final ConvLayer quantMu;
    private final ConvLayer quantLogSigma;
    private final Map<String, List<VaeBlock>> permutedCache = new HashMap<>();

    /** Binds every parameter from {@code p}; call {@link ParamStore#checkStrict()} afterwards. */
    public MaisiVae(VaeConfig config, ParamStore p) {
        this.config = config;
        encoder = VaeCoders.encoder(p, config);
        decoder = VaeCoders.decoder(p, config);
        int l = config.latentChannels();
        quantMu = VaeCoders.conv(p, "quant_conv_mu.conv", l, l, 1, 1, 0);
        quantLogSigma = VaeCoders.conv(p, "quant_conv_log_sigma.conv", l, l, 1, 1, 0);
    }

    public VaeConfig config() {
        return config;
    }

    /** Decodes latents [B, latent, x, y, z] (already divided by the scale factor) to [B, out, 4x, 4y, 4z]. */
    public NDArray decode(NDArray z, SplitOptions options) {
        checkShape(z, config.latentChannels(), 1, "latent");
        return perItem(z, x -> run("decoder", decoder, x, options));
    }

    public Encoded encode(NDArray image, SplitOptions options) {
        checkShape(image, config.inChannels(), config.downFactor(), "image");
        return quantise(perItem(image, x -> run("encoder", encoder, x, options)));
    }

    /**
     * Encoding of whole tensors with plain differentiable ops and no splitting, for training on
     * patches that fit in memory; equals {@link #encode} up to float rounding.
     */
    public Encoded encodeForTraining(NDArray image) {
        checkShape(image, config.inChannels(), config.downFactor(), "image");
        return quantise(wholeTensor(encoder, image));
    }

    /** Decoding counterpart of {@link #encodeForTraining}. */
    public NDArray decodeForTraining(NDArray z) {
        checkShape(z, config.latentChannels(), 1, "latent");
        return wholeTensor(decoder, z);
    }

    private Encoded quantise(NDArray h) {
        NDArray logVar = quantLogSigma.forward(h).clip(-30f, 20f);
        return new Encoded(quantMu.forward(h), Activations.exp(logVar.div(2f)));
    }

    private static NDArray wholeTensor(List<VaeBlock> blocks, NDArray x) {
        NDArray h = x;
        for (VaeBlock b : blocks) {
            h = b.forwardWhole(h);
        }
        return h;
    }

    /**
     * The split count for this input: the automatic choice, or the requested count raised to what
     * the memory budget needs (with a warning) — a too-small count would risk the system's
     * out-of-memory killer, which no retry can catch.
     */
    public int chooseSplits(long[] inputShape, SplitOptions options, boolean decoding) {
        long[] canonical = canonicalShape(inputShape, options.dim());
        int needed = MemoryPlanner.chooseSplits(decoding ? decoder : encoder, canonical, options.effectiveBudget(),
                (int) canonical[1]);
        if (options.splits() > 0 && options.splits() < needed) {
            LOG.warning(options.splits() + " splits would exceed the memory budget of "
                    + (options.effectiveBudget() >> 20) + " MB; using " + needed);
        }
        return Math.max(options.splits(), needed);
    }

    private NDArray run(String part, List<VaeBlock> blocks, NDArray x, SplitOptions o) {
        long[] shape = x.getShape().getShape();
        int splits = chooseSplits(shape, o, part.equals("decoder"));
        int maxSplits = (int) canonicalShape(shape, o.dim())[1];
        return SplitRetry.run(splits, maxSplits, k -> runSplit(part, blocks, x, o, k));
    }

    private NDArray runSplit(String part, List<VaeBlock> blocks, NDArray x, SplitOptions o, int splits) {
        int[] order = order(o.dim());
        List<VaeBlock> permuted = permutedCache.computeIfAbsent(part + o.dim(),
                key -> blocks.stream().map(b -> b.permuted(order)).toList());
        NDManager caller = x.getManager();
        try (NDManager work = caller.newSubManager()) {
            long budget = o.effectiveBudget();
            long[] canonical = canonicalShape(x.getShape().getShape(), o.dim());
            long ramForStores = budget - MemoryPlanner.peakSlabBytes(blocks, canonical, splits);
            StoreFactory stores = new StoreFactory(work, ramForStores, o.scratchDir());
            StageRunner runner = new StageRunner(work, stores, splits, config.normNumGroups(), o.cancelCheck());
            NDArray xp = x.transpose(0, 1, 2 + order[0], 2 + order[1], 2 + order[2]);
            PlaneStore first = new RamPlaneStore(work, (int) canonical[0], (int) canonical[1], (int) canonical[2],
                    (int) canonical[3], () -> { });
            first.write(0, xp);
            SlabTensor t = new SlabTensor(first, null);
            for (VaeBlock b : permuted) {
                t = b.apply(t, runner);
            }
            try (SlabTensor last = t) {
                PlaneStore s = last.store();
                int[] inv = inverse(order);
                return s.read(caller, 0, s.planes()).transpose(0, 1, 2 + inv[0], 2 + inv[1], 2 + inv[2]).duplicate();
            }
        }
    }

    private static NDArray perItem(NDArray batch, java.util.function.Function<NDArray, NDArray> f) {
        long n = batch.getShape().get(0);
        if (n == 1) {
            return f.apply(batch);
        }
        NDList outs = new NDList();
        for (long i = 0; i < n; i++) {
            outs.add(f.apply(batch.get("{}:{}", i, i + 1)));
        }
        return NDArrays.concat(outs, 0);
    }

    /** [C, S, A, B] of one item after moving the split axis first. */
    private static long[] canonicalShape(long[] shape, int dim) {
        int[] o = order(dim);
        return new long[] {shape[1], shape[2 + o[0]], shape[2 + o[1]], shape[2 + o[2]]};
    }

    /** Spatial axes with the split axis first, the others in their original order. */
    static int[] order(int dim) {
        return switch (dim) {
            case 0 -> new int[] {0, 1, 2};
            case 1 -> new int[] {1, 0, 2};
            default -> new int[] {2, 0, 1};
        };
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[3];
        for (int i = 0; i < 3; i++) {
            inv[order[i]] = i;
        }
        return inv;
    }

    private static void checkShape(NDArray x, long channels, int divisor, String what) {
        long[] s = x.getShape().getShape();
        if (s.length != 5 || s[1] != channels) {
            throw new IllegalArgumentException(what + " must be [B, " + channels + ", X, Y, Z], got " + x.getShape());
        }
        for (int i = 2; i < 5; i++) {
            if (s[i] % divisor != 0) {
                throw new IllegalArgumentException(what + " size " + x.getShape() + " must be divisible by " + divisor
                        + " in every spatial axis");
            }
        }
    }
}
