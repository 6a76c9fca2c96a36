package org.text2ct.pipeline.pkg;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderEntry;
import org.text2ct.pipeline.pkg.ModelManifest.TokenizerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.WeightsEntry;

/** Turns a manifest into model.json's JSON, field for field what {@link ManifestReader} reads. */
public final class ManifestWriter {
    private ManifestWriter() {
    }

    /** model.json's text, pretty-printed so people can read and edit it. */
    public static String toText(ModelManifest m) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                .toJson(toJson(m)) + "\n";
    }

    public static JsonObject toJson(ModelManifest m) {
        JsonObject o = new JsonObject();
        o.addProperty("format_version", m.formatVersion());
        o.addProperty("name", m.name());
        o.addProperty("description", m.description());
        o.add("autoencoder", weights(m.autoencoder()));
        o.add("unet", weights(m.unet()));
        o.add("text_encoder", textEncoder(m.textEncoder()));
        JsonObject scheduler = new JsonObject();
        scheduler.addProperty("type", m.scheduler().type().label());
        scheduler.add("config", m.scheduler().config().deepCopy());
        scheduler.addProperty("num_inference_steps", m.scheduler().numInferenceSteps());
        o.add("scheduler", scheduler);
        JsonObject guidance = new JsonObject();
        guidance.addProperty("scale", m.guidance().scale());
        guidance.addProperty("null_context", m.guidance().nullContext().label());
        o.add("guidance", guidance);
        o.addProperty("latent_scale_factor", m.latentScaleFactor());
        JsonObject output = new JsonObject();
        JsonArray size = new JsonArray();
        Arrays.stream(m.output().size()).forEach(size::add);
        output.add("size", size);
        JsonArray spacing = new JsonArray();
        Arrays.stream(m.output().spacing()).forEach(spacing::add);
        output.add("spacing", spacing);
        o.add("output", output);
        JsonObject conditioning = new JsonObject();
        conditioning.addProperty("class_label", m.conditioning().classLabel());
        conditioning.addProperty("spacing_input", m.conditioning().spacingInput());
        conditioning.addProperty("mask_padding", m.conditioning().maskPadding());
        o.add("conditioning", conditioning);
        o.addProperty("prompt_template", m.promptTemplate());
        if (m.provenance() != null) {
            o.add("provenance", m.provenance().deepCopy());
        }
        return o;
    }

    private static JsonObject weights(WeightsEntry w) {
        JsonObject o = new JsonObject();
        o.addProperty("file", w.file());
        o.addProperty("sha256", w.sha256());
        o.add("config", w.config().deepCopy());
        return o;
    }

    private static JsonObject textEncoder(TextEncoderEntry t) {
        JsonObject o = new JsonObject();
        o.addProperty("type", t.type().label());
        if (t.file() == null) {
            return o;
        }
        o.addProperty("file", t.file());
        o.addProperty("sha256", t.sha256());
        o.add("config", t.config() == null ? JsonNull.INSTANCE : t.config().deepCopy());
        TokenizerEntry tok = t.tokenizer();
        JsonObject tokenizer = new JsonObject();
        tokenizer.addProperty("file", tok.file());
        tokenizer.addProperty("sha256", tok.sha256());
        tokenizer.addProperty("max_length", tok.maxLength());
        o.add("tokenizer", tokenizer);
        return o;
    }
}
