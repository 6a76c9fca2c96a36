package org.text2ct.pipeline.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.text2ct.pipeline.pkg.ModelManifest.NullContext;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;

class ManifestReaderTest {
    private static final String HASH = "0123456789abcdef".repeat(4);

    @TempDir
    Path tmp;
    JsonObject valid;

    @BeforeEach
    void validManifest() throws Exception {
        valid = ManifestWriter.toJson(TestPackages.manifest(TestPackages.t5Folder(tmp)));
        for (String part : new String[] {"autoencoder", "unet", "text_encoder"}) {
            valid.getAsJsonObject(part).addProperty("sha256", HASH);
        }
        valid.getAsJsonObject("text_encoder").getAsJsonObject("tokenizer").addProperty("sha256", HASH);
    }

    @Test
    void writtenManifestReadsBackFieldForField() throws Exception {
        ModelManifest m = ManifestReader.parse(valid.toString());
        assertEquals(valid, ManifestWriter.toJson(m));
        assertEquals(TextEncoderType.T5, m.textEncoder().type());
        assertEquals(64, m.textEncoder().tokenizer().maxLength());
        assertArrayEquals(new double[] {1.5, 1.5, 3.0}, m.output().spacing());
        assertEquals(1, m.conditioning().classLabel());
        assertEquals("chest CT: {prompt}", m.promptTemplate());
    }

    @Test
    void guidanceDefaultsToScaleFiveWithTheEmptyPrompt() throws Exception {
        valid.remove("guidance");
        valid.getAsJsonObject("conditioning").remove("class_label");
        valid.getAsJsonObject("conditioning").remove("mask_padding");
        ModelManifest m = ManifestReader.parse(valid.toString());
        assertEquals(5.0, m.guidance().scale());
        assertEquals(NullContext.EMPTY_PROMPT, m.guidance().nullContext());
        assertNull(m.conditioning().classLabel());
        assertFalse(m.conditioning().maskPadding(), "packages written before the field attend to padding");
    }

    @Test
    void textEncoderNoneNeedsNoFiles() throws Exception {
        JsonObject none = new JsonObject();
        none.addProperty("type", "none");
        valid.add("text_encoder", none);
        ModelManifest m = ManifestReader.parse(valid.toString());
        assertEquals(ModelManifest.TextEncoderEntry.NONE, m.textEncoder());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "scheduler.type | \"euler\" | model.json: scheduler.type 'euler' is not supported; use rectified_flow, ddim or ddpm",
        "format_version | 2 | model.json: format_version 2 is not supported; this version of Text2CT reads 1 (update Text2CT to open newer packages)",
        "text_encoder.type | \"clip\" | model.json: text_encoder.type 'clip' is not supported; use t5, biomedclip or none",
        "guidance.null_context | \"noise\" | model.json: guidance.null_context 'noise' is not supported; use empty_prompt or zeros",
        "guidance.scale | -1 | model.json: guidance.scale must be a number ≥ 0 (1 means no guidance), got -1.0",
        "output.spacing | [1.5, 0, 3] | model.json: output.spacing must be positive millimetres, got 0.0",
        "output.size | [32, 32] | model.json: output.size must be a list of 3 numbers [x, y, z], got [32,32]",
        "output.size | [32, 32.5, 48] | model.json: output.size must be a whole number, got 32.5",
        "output.size | [32, -32, 48] | model.json: output.size must be positive voxel counts, got -32",
        "autoencoder.sha256 | \"abc\" | model.json: autoencoder.sha256 'abc' is not a SHA-256 (64 lowercase hex digits); run 'text2ct import package' to recompute it",
        "unet.file | \"../unet.safetensors\" | model.json: unet.file '../unet.safetensors' must be a plain file name beside model.json (no folders, no leading dot)",
        "unet.config | 7 | model.json: unet.config must be a JSON object, got 7",
        "latent_scale_factor | 0 | model.json: latent_scale_factor must be a positive number, got 0.0",
        "scheduler.num_inference_steps | 0 | model.json: scheduler.num_inference_steps must be at least 1, got 0",
        "text_encoder.tokenizer.max_length | 0 | model.json: text_encoder.tokenizer.max_length must be at least 1, got 0",
        "conditioning.class_label | -1 | model.json: conditioning.class_label must be ≥ 0 or null, got -1",
        "conditioning.spacing_input | \"yes\" | model.json: conditioning.spacing_input must be true or false, got \"yes\"",
        "conditioning.mask_padding | 1 | model.json: conditioning.mask_padding must be true or false, got 1",
        "prompt_template | \"CT\" | model.json: prompt_template 'CT' must contain {prompt} where the user's text goes",
        "name | null | model.json: name is missing",
        "text_encoder.tokenizer | null | model.json: text_encoder.tokenizer is missing",
    })
    void eachBadFieldIsNamedWithWhatToUse(String field, String value, String message) {
        set(valid, field, JsonParser.parseString(value));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ManifestReader.parse(valid.toString()));
        assertEquals(message, e.getMessage());
    }

    @Test
    void notJsonIsSaidPlainly() {
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ManifestReader.parse("{\"name\": "));
        assertEquals(true, e.getMessage().startsWith("model.json is not valid JSON"), e.getMessage());
    }

    private static void set(JsonObject root, String path, JsonElement value) {
        String[] parts = path.split("\\.");
        JsonObject o = root;
        for (int i = 0; i < parts.length - 1; i++) {
            o = o.getAsJsonObject(parts[i]);
        }
        o.add(parts[parts.length - 1], value);
    }
}
