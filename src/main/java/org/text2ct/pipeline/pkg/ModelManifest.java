package org.text2ct.pipeline.pkg;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The contents of a package's {@code model.json}: which files hold the networks, their configs
 * (MONAI and Hugging Face field names), how to sample and what the output volume is. The SHA-256
 * fields are null only in a manifest that {@link ModelPackageWriter} has yet to write.
 */
public record ModelManifest(int formatVersion, String name, String description, WeightsEntry autoencoder,
        WeightsEntry unet, TextEncoderEntry textEncoder, SchedulerEntry scheduler, Guidance guidance,
        double latentScaleFactor, Output output, Conditioning conditioning, String promptTemplate,
        JsonElement provenance) {

    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST_FILE = "model.json";
    public static final String AUTOENCODER_FILE = "autoencoder.safetensors";
    public static final String UNET_FILE = "unet.safetensors";
    public static final String TEXT_ENCODER_FILE = "text_encoder.safetensors";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String PROMPT_PLACEHOLDER = "{prompt}";

    /** A weight file with the config of the network it holds. */
    public record WeightsEntry(String file, String sha256, JsonObject config) {
    }

    public record TokenizerEntry(String file, String sha256, int maxLength) {
    }

    /** The text encoder; file, config and tokenizer are null when the type is {@code none}. */
    public record TextEncoderEntry(TextEncoderType type, String file, String sha256, JsonObject config,
            TokenizerEntry tokenizer) {
        public static final TextEncoderEntry NONE = new TextEncoderEntry(TextEncoderType.NONE, null, null, null, null);
    }

    public record SchedulerEntry(SchedulerType type, JsonObject config, int numInferenceSteps) {
    }

    public record Guidance(double scale, NullContext nullContext) {
        public static final double DEFAULT_SCALE = 5.0;
    }

    /** Output volume size in voxels and spacing in millimetres, both x, y, z. */
    public record Output(int[] size, double[] spacing) {
        @Override
        public String toString() {
            return "Output[size=" + Arrays.toString(size) + ", spacing=" + Arrays.toString(spacing) + "]";
        }
    }

    /**
     * The class label fed to a UNet with class embeddings (null: none), whether spacing is an input,
     * and whether cross-attention skips padded tokens ({@code maskPadding}, trained that way; MAISI
     * and the paper's model attend to the padding too).
     */
    public record Conditioning(Integer classLabel, boolean spacingInput, boolean maskPadding) {
    }

    /** A choice spelled in model.json as a lowercase label. */
    public interface Label {
        String label();
    }

    public enum TextEncoderType implements Label {
        T5("t5"), BIOMEDCLIP("biomedclip"), NONE("none");

        private final String label;

        TextEncoderType(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum SchedulerType implements Label {
        RECTIFIED_FLOW("rectified_flow"), DDIM("ddim"), DDPM("ddpm");

        private final String label;

        SchedulerType(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What the unconditional half of classifier-free guidance sees. */
    public enum NullContext implements Label {
        EMPTY_PROMPT("empty_prompt"), ZEROS("zeros");

        private final String label;

        NullContext(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The labels of a choice as "a, b or c", for messages. */
    public static <E extends Enum<E> & Label> String allowed(Class<E> type) {
        String[] labels = Arrays.stream(type.getEnumConstants()).map(Label::label).toArray(String[]::new);
        return Arrays.stream(labels, 0, labels.length - 1).collect(Collectors.joining(", "))
                + " or " + labels[labels.length - 1];
    }
}
