package org.text2ct.pipeline.pkg;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.text2ct.diffusion.Scheduler;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.ParamStore;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderEntry;
import org.text2ct.weights.SafeTensorsFile;

/**
 * An opened, checked model package: model.json parsed and validated, every file present with the
 * SHA-256 it records, and the configs parsed and consistent. Networks are built on request.
 */
public final class ModelPackage {
    private final Path directory;
    private final ModelManifest manifest;
    private final VaeConfig vaeConfig;
    private final UnetConfig unetConfig;
    private final Scheduler scheduler;

    private ModelPackage(Path directory, ModelManifest manifest, VaeConfig vaeConfig, UnetConfig unetConfig,
            Scheduler scheduler) {
        this.directory = directory;
        this.manifest = manifest;
        this.vaeConfig = vaeConfig;
        this.unetConfig = unetConfig;
        this.scheduler = scheduler;
    }

    /** Opens a package folder, or a {@code .zip} of one (unpacked once into the cache folder). */
    public static ModelPackage open(Path path) throws IOException {
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return openDirectory(PackageZip.extract(path));
        }
        return openDirectory(path);
    }

    private static ModelPackage openDirectory(Path dir) throws IOException {
        Path manifestFile = dir.resolve(ModelManifest.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelPackageException(dir + ": no " + ModelManifest.MANIFEST_FILE
                    + " here; a model package is a folder (or .zip) made by 'text2ct import package'");
        }
        ModelManifest m = ManifestReader.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        String vaeJson = m.autoencoder().config().toString();
        VaeConfig vae = ConfigParsing.parse("autoencoder.config", "MONAI AutoencoderKlMaisi",
                () -> VaeConfig.fromJson(vaeJson));
        String unetJson = m.unet().config().toString();
        UnetConfig unet = ConfigParsing.parse("unet.config", "MONAI DiffusionModelUNetMaisi",
                () -> UnetConfig.fromJson(unetJson));
        Scheduler scheduler = SchedulerFactory.build(m.scheduler());
        PackageConsistency.check(m, vae, unet);
        FileHashes.verify(dir.resolve(m.autoencoder().file()), m.autoencoder().sha256(), "autoencoder.sha256");
        FileHashes.verify(dir.resolve(m.unet().file()), m.unet().sha256(), "unet.sha256");
        TextEncoderEntry text = m.textEncoder();
        if (text.file() != null) {
            FileHashes.verify(dir.resolve(text.file()), text.sha256(), "text_encoder.sha256");
            FileHashes.verify(dir.resolve(text.tokenizer().file()), text.tokenizer().sha256(),
                    "text_encoder.tokenizer.sha256");
        }
        return new ModelPackage(dir, m, vae, unet, scheduler);
    }

    public Path directory() {
        return directory;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public VaeConfig vaeConfig() {
        return vaeConfig;
    }

    public UnetConfig unetConfig() {
        return unetConfig;
    }

    /** The scheduler model.json configures; schedulers keep no per-run state, so one serves every run. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The text encoder's weights, absent when the text encoder type is {@code none}. */
    public Optional<Path> textEncoderWeights() {
        return Optional.ofNullable(manifest.textEncoder().file()).map(directory::resolve);
    }

    /** The tokenizer.json, absent when the text encoder type is {@code none}. */
    public Optional<Path> tokenizer() {
        return Optional.ofNullable(manifest.textEncoder().tokenizer()).map(t -> directory.resolve(t.file()));
    }

    /** The VAE with every parameter bound; a missing, unexpected or mis-shaped key fails, naming it. */
    public MaisiVae loadVae(NDManager manager) throws IOException {
        try (SafeTensorsFile w = SafeTensorsFile.open(directory.resolve(manifest.autoencoder().file()))) {
            ParamStore p = new ParamStore(w, manager);
            MaisiVae vae = new MaisiVae(vaeConfig, p);
            p.checkStrict();
            return vae;
        }
    }

    /** The diffusion UNet with every parameter bound; a missing, unexpected or mis-shaped key fails, naming it. */
    public MaisiUnet loadUnet(NDManager manager) throws IOException {
        try (SafeTensorsFile w = SafeTensorsFile.open(directory.resolve(manifest.unet().file()))) {
            ParamStore p = new ParamStore(w, manager);
            MaisiUnet unet = new MaisiUnet(unetConfig, p);
            p.checkStrict();
            return unet;
        }
    }
}
