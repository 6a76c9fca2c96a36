package org.text2ct.pipeline.eval;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.model.features.ResNet;
import org.text2ct.model.features.ResNetConfig;
import org.text2ct.model.features.ResNetWeights;
import org.text2ct.model.features.VaeLatentFeatures;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/**
 * The feature extractors an evaluation can use, by name, each with the weights it was given.
 * {@value #VAE_LATENT} needs a model package or VAE weights; {@value #RESNET50} needs a weight file.
 */
public final class Extractors {
    public static final String VAE_LATENT = "vae-latent";
    public static final String RESNET50 = "resnet50";

    /** Builds a fresh extractor whose parameters live on the given manager. */
    @FunctionalInterface
    interface Opener {
        FeatureExtractor open(NDManager manager) throws IOException;
    }

    private final Device device;
    private final Map<String, Opener> openers = new LinkedHashMap<>();

    /** @param device "auto", "cpu" or "gpu" as {@link Engines#device} reads it */
    public Extractors(String device) {
        this.device = Engines.device(device);
    }

    /** "vae-latent" from a model package's autoencoder. */
    public Extractors withModelPackage(Path packageDir) {
        openers.put(VAE_LATENT, m -> {
            ModelPackage pkg = ModelPackage.open(packageDir);
            String file = pkg.manifest().autoencoder().file();
            return new VaeLatentExtractor(VAE_LATENT + ":" + pkg.manifest().name() + "/" + file,
                    new VaeLatentFeatures(pkg.loadVae(m)), m);
        });
        return this;
    }

    /** "vae-latent" from VAE weights alone, with MONAI's constructor arguments in the metadata entry "config". */
    public Extractors withVaeWeights(Path safetensors) {
        openers.put(VAE_LATENT, m -> {
            try (SafeTensorsFile w = SafeTensorsFile.open(safetensors)) {
                String config = w.metadata().get("config");
                if (config == null) {
                    throw new IllegalArgumentException(safetensors + " has no 'config' metadata entry with the "
                            + "VAE's constructor arguments; use a model package instead");
                }
                ParamStore p = new ParamStore(w, m);
                MaisiVae vae = new MaisiVae(VaeConfig.fromJson(config), p);
                p.checkStrict();
                return new VaeLatentExtractor(VAE_LATENT + ":" + safetensors.getFileName(), new VaeLatentFeatures(vae), m);
            }
        });
        return this;
    }

    /** "resnet50": torchvision's ResNet-50 (e.g. RadImageNet weights) from a .pt or .safetensors file. */
    public Extractors withResNet50(Path weights) {
        return withResNet(weights, ResNetConfig.RESNET50);
    }

    /** "resnet50" with another depth or width (tests use a tiny one with the same code path). */
    Extractors withResNet(Path weights, ResNetConfig config) {
        openers.put(RESNET50, m -> {
            try (StateDict w = ResNetWeights.open(weights)) {
                ParamStore p = new ParamStore(w, m);
                ResNet net = new ResNet(config, p);
                p.checkStrict();
                return new SliceNetworkExtractor(RESNET50 + ":" + weights.getFileName(), net, m);
            }
        });
        return this;
    }

    /** A fresh extractor; the caller closes it. */
    public FeatureExtractor open(String name) {
        Opener opener = openers.get(name);
        if (opener == null) {
            String hint = switch (name) {
                case VAE_LATENT -> VAE_LATENT + " needs a model package (--model DIR) or VAE weights (--vae FILE)";
                case RESNET50 -> RESNET50 + " needs a weight file (--weights FILE)";
                default -> "unknown extractor '" + name + "': use " + VAE_LATENT + " or " + RESNET50;
            };
            throw new IllegalArgumentException(hint);
        }
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            return opener.open(manager);
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
