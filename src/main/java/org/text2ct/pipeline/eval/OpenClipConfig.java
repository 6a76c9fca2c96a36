package org.text2ct.pipeline.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.text2ct.model.features.ClipImageInput;
import org.text2ct.model.text.BiomedClipTextConfig;

/**
 * The parts of open_clip's {@code open_clip_config.json} that shape BiomedCLIP's towers:
 * {@code model_cfg.embed_dim}; {@code vision_cfg} (a timm ViT, class-token pooled, linear head,
 * {@code image_size}; heads = width / {@code head_width}, open_clip's own field, default 64 as in
 * every timm ViT size); {@code text_cfg} (projection, pooler, context length, in open_clip's
 * current spelling {@code hf_proj_type}/{@code hf_pooler_type} or the older {@code proj}/{@code pooler_type});
 * {@code preprocess_cfg} must be CLIP's mean and std, which the image input applies.
 *
 * The text model's sizes come from its Hugging Face config.json when the folder has one; without
 * it, Hugging Face's BERT defaults apply, which are PubMedBERT-base's sizes.
 */
public record OpenClipConfig(int embedDim, int imageSize, int headWidth, BiomedClipTextConfig text) {
    static final int DEFAULT_HEAD_WIDTH = 64;
    private static final List<String> CLASS_TOKEN_POOLS = List.of("", "token");

    /** @param bertConfig the text model's config.json, or null for PubMedBERT-base */
    public static OpenClipConfig read(Path file, Path bertConfig) throws IOException {
        JsonObject root = jsonObject(file);
        Fields f = new Fields(file);
        JsonObject model = f.object(root, "model_cfg");
        JsonObject vision = f.object(model, "model_cfg.vision_cfg");
        JsonObject textCfg = f.object(model, "model_cfg.text_cfg");
        int embedDim = f.integer(model, "model_cfg", "embed_dim");
        String timm = f.string(vision, "model_cfg.vision_cfg", "timm_model_name");
        if (!timm.startsWith("vit_")) {
            throw f.invalid("vision_cfg.timm_model_name '" + timm + "' is not a timm ViT (vit_*); only BiomedCLIP's ViT image tower is supported");
        }
        String pool = f.optional(vision, "timm_pool", "");
        if (!CLASS_TOKEN_POOLS.contains(pool)) {
            throw f.invalid("vision_cfg.timm_pool '" + pool + "' is not supported; BiomedCLIP pools the class token (\"\" or \"token\")");
        }
        String proj = f.optional(vision, "timm_proj", "linear");
        if (!proj.equals("linear")) {
            throw f.invalid("vision_cfg.timm_proj '" + proj + "' is not supported; BiomedCLIP uses linear");
        }
        int imageSize = f.integer(vision, "model_cfg.vision_cfg", "image_size");
        int headWidth = vision.has("head_width") ? f.integer(vision, "model_cfg.vision_cfg", "head_width") : DEFAULT_HEAD_WIDTH;
        checkNormalisation(f, root);

        JsonObject towerJson = new JsonObject();
        towerJson.addProperty("embed_dim", embedDim);
        towerJson.add("hf_proj_type", f.either(textCfg, "hf_proj_type", "proj"));
        towerJson.add("hf_pooler_type", f.either(textCfg, "hf_pooler_type", "pooler_type"));
        towerJson.addProperty("context_length", f.integer(textCfg, "model_cfg.text_cfg", "context_length"));
        towerJson.add("text_config", bertConfig == null ? new JsonObject() : jsonObject(bertConfig));
        BiomedClipTextConfig text;
        try {
            text = BiomedClipTextConfig.fromJson(towerJson.toString());
        } catch (RuntimeException e) {
            throw f.invalid(e.getMessage());
        }
        return new OpenClipConfig(embedDim, imageSize, headWidth, text);
    }

    private static JsonObject jsonObject(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage(), e);
        }
    }

    private static void checkNormalisation(Fields f, JsonObject root) {
        JsonObject pre = root.has("preprocess_cfg") ? root.getAsJsonObject("preprocess_cfg") : new JsonObject();
        for (String key : new String[] {"mean", "std"}) {
            if (pre.has(key)) {
                float[] want = key.equals("mean") ? ClipImageInput.MEAN : ClipImageInput.STD;
                float[] got = new float[pre.getAsJsonArray(key).size()];
                for (int i = 0; i < got.length; i++) {
                    got[i] = pre.getAsJsonArray(key).get(i).getAsFloat();
                }
                if (!Arrays.equals(got, want)) {
                    throw f.invalid("preprocess_cfg." + key + " " + Arrays.toString(got) + " is not CLIP's "
                            + Arrays.toString(want) + ", the only image normalisation BiomedCLIP scoring applies");
                }
            }
        }
    }

    /** Field access that names the file and the missing or mistyped field. */
    private record Fields(Path file) {
        JsonObject object(JsonObject o, String path) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            if (!(o.get(key) instanceof JsonObject child)) {
                throw invalid(path + " is missing; is this BiomedCLIP's open_clip_config.json?");
            }
            return child;
        }

        int integer(JsonObject o, String parent, String key) {
            JsonElement e = o.get(key);
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsInt() <= 0) {
                throw invalid(parent + "." + key + " must be a positive integer, got " + e);
            }
            return e.getAsInt();
        }

        String string(JsonObject o, String parent, String key) {
            JsonElement e = o.get(key);
            if (e == null || !e.isJsonPrimitive()) {
                throw invalid(parent + "." + key + " is missing");
            }
            return e.getAsString();
        }

        /** An optional string field of vision_cfg. */
        String optional(JsonObject o, String key, String absent) {
            JsonElement e = o.get(key);
            return e == null || e.isJsonNull() ? absent : e.getAsString();
        }

        /** The first of two spellings of a text_cfg field that is present. */
        JsonElement either(JsonObject o, String current, String older) {
            JsonElement e = o.has(current) ? o.get(current) : o.get(older);
            if (e == null || !e.isJsonPrimitive()) {
                throw invalid("model_cfg.text_cfg." + current + " is missing");
            }
            return e;
        }

        IllegalArgumentException invalid(String why) {
            return new IllegalArgumentException(file + ": " + why);
        }
    }
}
