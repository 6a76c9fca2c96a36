package org.text2ct.pipeline.pkg;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.regex.Pattern;
import org.text2ct.pipeline.pkg.ModelManifest.Conditioning;
import org.text2ct.pipeline.pkg.ModelManifest.Guidance;
import org.text2ct.pipeline.pkg.ModelManifest.NullContext;
import org.text2ct.pipeline.pkg.ModelManifest.Output;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderEntry;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;
import org.text2ct.pipeline.pkg.ModelManifest.TokenizerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.WeightsEntry;

/**
 * Parses model.json and checks every field on its own (types, allowed values, ranges). Checks
 * that need the network configs (channel agreement, divisibility) are {@link PackageConsistency}'s.
 */
public final class ManifestReader {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    // Package files sit beside model.json: a plain name keeps a package from reading outside itself.
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private ManifestReader() {
    }

    public static ModelManifest parse(String text) throws ModelPackageException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new ModelPackageException(ModelManifest.MANIFEST_FILE + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new ModelPackageException(ModelManifest.MANIFEST_FILE + " must hold a JSON object");
        }
        ManifestFields m = new ManifestFields(root.getAsJsonObject(), "");
        int version = m.integer("format_version");
        if (version != ModelManifest.FORMAT_VERSION) {
            throw ManifestFields.error("format_version", version + " is not supported; this version of Text2CT reads "
                    + ModelManifest.FORMAT_VERSION + " (update Text2CT to open newer packages)");
        }
        double scale = m.number("latent_scale_factor");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw ManifestFields.error("latent_scale_factor", "must be a positive number, got " + scale);
        }
        return new ModelManifest(version, m.string("name"), m.string("description", ""),
                weights(m.object("autoencoder")), weights(m.object("unet")), textEncoder(m.object("text_encoder")),
                scheduler(m.object("scheduler")), guidance(m), scale, output(m.object("output")),
                conditioning(m.object("conditioning")), promptTemplate(m),
                m.has("provenance") ? root.getAsJsonObject().get("provenance") : null);
    }

    private static WeightsEntry weights(ManifestFields f) throws ModelPackageException {
        return new WeightsEntry(fileName(f, "file"), sha256(f, "sha256"), f.rawObject("config"));
    }

    private static TextEncoderEntry textEncoder(ManifestFields f) throws ModelPackageException {
        TextEncoderType type = f.choice("type", TextEncoderType.class);
        if (type == TextEncoderType.NONE) {
            return TextEncoderEntry.NONE;
        }
        ManifestFields t = f.object("tokenizer");
        int maxLength = t.integer("max_length");
        if (maxLength < 1) {
            throw ManifestFields.error(t.name("max_length"), "must be at least 1, got " + maxLength);
        }
        return new TextEncoderEntry(type, fileName(f, "file"), sha256(f, "sha256"), f.rawObject("config"),
                new TokenizerEntry(fileName(t, "file"), sha256(t, "sha256"), maxLength));
    }

    private static SchedulerEntry scheduler(ManifestFields f) throws ModelPackageException {
        SchedulerType type = f.choice("type", SchedulerType.class);
        int steps = f.integer("num_inference_steps");
        if (steps < 1) {
            throw ManifestFields.error(f.name("num_inference_steps"), "must be at least 1, got " + steps);
        }
        return new SchedulerEntry(type, f.rawObject("config"), steps);
    }

    private static Guidance guidance(ManifestFields m) throws ModelPackageException {
        if (!m.has("guidance")) {
            return new Guidance(Guidance.DEFAULT_SCALE, NullContext.EMPTY_PROMPT);
        }
        ManifestFields g = m.object("guidance");
        double scale = g.number("scale", Guidance.DEFAULT_SCALE);
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw ManifestFields.error(g.name("scale"), "must be a number ≥ 0 (1 means no guidance), got " + scale);
        }
        NullContext nullContext = g.has("null_context") ? g.choice("null_context", NullContext.class)
                : NullContext.EMPTY_PROMPT;
        return new Guidance(scale, nullContext);
    }

    private static Output output(ManifestFields f) throws ModelPackageException {
        int[] size = f.integers("size", 3);
        double[] spacing = f.numbers("spacing", 3);
        for (int i = 0; i < 3; i++) {
            if (size[i] < 1) {
                throw ManifestFields.error(f.name("size"), "must be positive voxel counts, got " + size[i]);
            }
            if (!(spacing[i] > 0) || Double.isInfinite(spacing[i])) {
                throw ManifestFields.error(f.name("spacing"), "must be positive millimetres, got " + spacing[i]);
            }
        }
        return new Output(size, spacing);
    }

    private static Conditioning conditioning(ManifestFields f) throws ModelPackageException {
        Integer label = f.has("class_label") ? f.integer("class_label") : null;
        if (label != null && label < 0) {
            throw ManifestFields.error(f.name("class_label"), "must be ≥ 0 or null, got " + label);
        }
        return new Conditioning(label, f.has("spacing_input") && f.bool("spacing_input"),
                f.has("mask_padding") && f.bool("mask_padding"));
    }

    private static String promptTemplate(ManifestFields m) throws ModelPackageException {
        String template = m.string("prompt_template", ModelManifest.PROMPT_PLACEHOLDER);
        if (!template.contains(ModelManifest.PROMPT_PLACEHOLDER)) {
            throw ManifestFields.error("prompt_template", "'" + template + "' must contain "
                    + ModelManifest.PROMPT_PLACEHOLDER + " where the user's text goes");
        }
        return template;
    }

    private static String fileName(ManifestFields f, String key) throws ModelPackageException {
        String name = f.string(key);
        if (!FILE_NAME.matcher(name).matches()) {
            throw ManifestFields.error(f.name(key), "'" + name
                    + "' must be a plain file name beside model.json (no folders, no leading dot)");
        }
        return name;
    }

    private static String sha256(ManifestFields f, String key) throws ModelPackageException {
        String hex = f.string(key);
        if (!SHA256.matcher(hex).matches()) {
            throw ManifestFields.error(f.name(key), "'" + hex
                    + "' is not a SHA-256 (64 lowercase hex digits); run 'text2ct import package' to recompute it");
        }
        return hex;
    }
}
