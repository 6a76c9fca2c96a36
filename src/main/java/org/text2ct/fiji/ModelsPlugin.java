package org.text2ct.fiji;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import org.text2ct.cache.CacheDir;

/**
 * Plugins > Text2CT > Text2CT Models ({@link ModelActions}). A download is asked for once more
 * interactively; a macro line that names the URL is the user's consent. The SciJava form is
 * {@link ModelsCommand}.
 */
public class ModelsPlugin implements PlugIn {
    static final String COMMAND = ModelActions.COMMAND;

    @Override
    public void run(String arg) {
        ModelChoice.applyCacheFolder();
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addChoice("action", ModelActions.ACTIONS, "list");
        gd.addStringField("model_dir (choose: blank = bundled demo; verify)", ModelChoice.remembered(), 40);
        gd.addStringField("url (download: a model package .zip)", "", 40);
        gd.addStringField("sha256 (download: as published with the package)", "", 40);
        gd.addStringField("cache_dir", CacheDir.path().toString(), 40);
        gd.addMessage("import: MAISI checkpoints and a Hugging Face T5 folder into <cache_dir>/models/<name>");
        gd.addStringField("name", "my-model", 20);
        gd.addStringField("vae_checkpoint (.pt)", "", 40);
        gd.addStringField("vae_config (JSON; blank = released)", "", 40);
        gd.addStringField("unet_checkpoint (.pt)", "", 40);
        gd.addStringField("unet_config (JSON; blank = released)", "", 40);
        gd.addStringField("t5_folder", "", 40);
        gd.addStringField("output_size", "512,512,192", 14);
        gd.addStringField("output_spacing", "0.75,0.75,1.5", 14);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            ModelActions.Request r = new ModelActions.Request(gd.getNextChoice(), gd.getNextString(), gd.getNextString(),
                    gd.getNextString(), Path.of(gd.getNextString().trim()), gd.getNextString(),
                    new CheckpointImport.Sources(Path.of(gd.getNextString().trim()), gd.getNextString(),
                            Path.of(gd.getNextString().trim()), gd.getNextString(), Path.of(gd.getNextString().trim())),
                    gd.getNextString(), gd.getNextString());
            if (r.action().equals("download") && Macro.getOptions() == null && !IJ.showMessageWithCancel(COMMAND,
                    "Download the model package\n" + r.url() + "\ninto " + r.cache().resolve("models")
                            + "?\nModel packages can be several gigabytes.")) {
                return;
            }
            ModelActions.run(r);
        } catch (Exception e) {
            Failures.report(COMMAND, e);
        } finally {
            StatusBarProgress.done();
        }
    }
}
