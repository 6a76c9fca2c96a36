package org.text2ct.fiji;

import java.io.File;
import java.nio.file.Path;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.text2ct.cache.CacheDir;

/**
 * "Text2CT Models" for scripts and headless runs ({@link ModelActions}); the menu entry is
 * {@link ModelsPlugin}. A download runs only with {@code confirm_download} set: the script's
 * author agrees to fetch the (possibly large) package.
 */
@Plugin(type = Command.class, label = "Text2CT Models", headless = true)
public class ModelsCommand extends ContextCommand {
    @Parameter(choices = {"list", "choose", "verify", "import", "download", "cache_folder"})
    private String action = "list";

    @Parameter(label = "Model package (choose: blank = bundled demo; verify)", required = false)
    private File model_dir;

    @Parameter(label = "URL of a model package .zip (download)", required = false)
    private String url = "";

    @Parameter(label = "SHA-256 as published with the package (download)", required = false)
    private String sha256 = "";

    @Parameter(label = "I agree to download this package", required = false)
    private boolean confirm_download;

    @Parameter(label = "Cache folder (blank = current)", required = false)
    private File cache_dir;

    @Parameter(label = "Package name (import)", required = false)
    private String name = "my-model";

    @Parameter(label = "VAE checkpoint .pt (import)", required = false)
    private File vae_checkpoint;

    @Parameter(label = "VAE config JSON (import; blank = released)", required = false)
    private String vae_config = "";

    @Parameter(label = "UNet checkpoint .pt (import)", required = false)
    private File unet_checkpoint;

    @Parameter(label = "UNet config JSON (import; blank = released)", required = false)
    private String unet_config = "";

    @Parameter(label = "T5 folder (import)", required = false)
    private File t5_folder;

    @Parameter(label = "Output size X,Y,Z (import)", required = false)
    private String output_size = "512,512,192";

    @Parameter(label = "Output spacing mm X,Y,Z (import)", required = false)
    private String output_spacing = "0.75,0.75,1.5";

    @Override
    public void run() {
        try {
            if (action.equals("download") && !confirm_download) {
                throw new IllegalArgumentException("a download needs confirm_download=true: model packages can be "
                        + "several gigabytes");
            }
            ModelChoice.applyCacheFolder();
            ModelActions.run(new ModelActions.Request(action, path(model_dir).toString(), url, sha256,
                    cache_dir == null ? CacheDir.path() : cache_dir.toPath(), name,
                    new CheckpointImport.Sources(path(vae_checkpoint), vae_config, path(unet_checkpoint), unet_config,
                            path(t5_folder)), output_size, output_spacing));
        } catch (Exception e) {
            cancel(UserErrors.message(e));
        } finally {
            StatusBarProgress.done();
        }
    }

    private static Path path(File f) {
        return f == null ? Path.of("") : f.toPath();
    }
}
