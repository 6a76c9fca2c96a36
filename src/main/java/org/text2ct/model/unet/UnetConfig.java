package org.text2ct.model.unet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Arrays;

/**
 * The constructor arguments of MONAI's {@code DiffusionModelUNetMaisi}, read from the same JSON
 * field names, with MONAI's defaults. Invalid combinations fail here, naming the fields.
 * One field is ours, not MONAI's: {@value #POSITION_INPUT} (default false) feeds the voxel
 * coordinates to the first convolution (see {@link PositionChannels}).
 */
public record UnetConfig(int inChannels, int outChannels, int[] numResBlocks, int[] numChannels,
        boolean[] attentionLevels, int normNumGroups, float normEps, boolean resblockUpdown, int[] numHeadChannels,
        boolean withConditioning, int transformerNumLayers, Integer crossAttentionDim, Integer numClassEmbeds,
        boolean upcastAttention, boolean includeFc, boolean includeTopRegionIndexInput,
        boolean includeBottomRegionIndexInput, boolean includeSpacingInput, boolean positionInput) {
    /** Our JSON field for {@link #positionInput()}; MONAI's constructor has no such argument. */
    public static final String POSITION_INPUT = "text2ct_position_input";

    public UnetConfig {
        int levels = numChannels.length;
        if (attentionLevels.length != levels) {
            throw invalid("attention_levels has " + attentionLevels.length + " entries but num_channels has " + levels);
        }
        if (numResBlocks.length != levels) {
            throw invalid("num_res_blocks has " + numResBlocks.length + " entries but num_channels has " + levels);
        }
        if (numHeadChannels.length != levels) {
            throw invalid("num_head_channels has " + numHeadChannels.length + " entries but attention_levels has " + levels);
        }
        for (int i = 0; i < levels; i++) {
            if (numChannels[i] % normNumGroups != 0) {
                throw invalid("num_channels " + Arrays.toString(numChannels) + " must all be multiples of norm_num_groups "
                        + normNumGroups);
            }
            boolean attends = attentionLevels[i] || i == levels - 1;
            if (attends && (numHeadChannels[i] <= 0 || numChannels[i] % numHeadChannels[i] != 0)) {
                throw invalid("num_head_channels[" + i + "] = " + numHeadChannels[i] + " must divide num_channels["
                        + i + "] = " + numChannels[i]);
            }
        }
        if (withConditioning && crossAttentionDim == null) {
            throw invalid("with_conditioning is true but cross_attention_dim is not set");
        }
        if (!withConditioning && crossAttentionDim != null) {
            throw invalid("cross_attention_dim is set but with_conditioning is false");
        }
    }

    /** Channels of the time embedding (and of each extra input embedding). */
    public int timeEmbedDim() {
        return numChannels[0] * 4;
    }

    /** Channels of the concatenated embedding that the residual blocks receive. */
    public int fullEmbedDim() {
        int n = 1 + (includeTopRegionIndexInput ? 1 : 0) + (includeBottomRegionIndexInput ? 1 : 0)
                + (includeSpacingInput ? 1 : 0);
        return timeEmbedDim() * n;
    }

    /** Input channels of the first convolution: the latent's, plus one coordinate channel per axis with {@code positionInput}. */
    public int convInChannels() {
        return inChannels + (positionInput ? PositionChannels.COUNT : 0);
    }

    public int levels() {
        return numChannels.length;
    }

    public static UnetConfig fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        if (o.has("spatial_dims") && o.get("spatial_dims").getAsInt() != 3) {
            throw invalid("spatial_dims must be 3, got " + o.get("spatial_dims"));
        }
        if (bool(o, "use_combined_linear", false)) {
            throw invalid("use_combined_linear = true is not supported; convert the checkpoint's qkv weights to to_q/to_k/to_v");
        }
        int[] channels = ints(o, "num_channels", new int[] {32, 64, 64, 64}, 0);
        int levels = channels.length;
        boolean[] attention = bools(o, "attention_levels", new boolean[] {false, false, true, true});
        return new UnetConfig(
                o.has("in_channels") ? o.get("in_channels").getAsInt() : 4,
                o.has("out_channels") ? o.get("out_channels").getAsInt() : 4,
                ints(o, "num_res_blocks", new int[] {2}, levels),
                channels,
                attention,
                o.has("norm_num_groups") ? o.get("norm_num_groups").getAsInt() : 32,
                o.has("norm_eps") ? o.get("norm_eps").getAsFloat() : 1e-6f,
                bool(o, "resblock_updown", false),
                ints(o, "num_head_channels", new int[] {8}, attention.length),
                bool(o, "with_conditioning", false),
                o.has("transformer_num_layers") ? o.get("transformer_num_layers").getAsInt() : 1,
                optInt(o, "cross_attention_dim"),
                optInt(o, "num_class_embeds"),
                bool(o, "upcast_attention", false),
                bool(o, "include_fc", false),
                bool(o, "include_top_region_index_input", false),
                bool(o, "include_bottom_region_index_input", false),
                bool(o, "include_spacing_input", false),
                bool(o, POSITION_INPUT, false));
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid diffusion UNet config: " + why);
    }

    private static boolean bool(JsonObject o, String key, boolean def) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsBoolean() : def;
    }

    private static Integer optInt(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : null;
    }

    /** An int or a list of ints; a single int is repeated {@code repeat} times (MONAI's ensure_tuple_rep). */
    private static int[] ints(JsonObject o, String key, int[] def, int repeat) {
        JsonElement e = o.get(key);
        int[] v;
        if (e == null || e.isJsonNull()) {
            v = def;
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            v = new int[a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.get(i).getAsInt();
            }
            return v;
        } else {
            v = new int[] {e.getAsInt()};
        }
        if (v.length == 1 && repeat > 1) {
            int[] r = new int[repeat];
            Arrays.fill(r, v[0]);
            return r;
        }
        return v;
    }

    private static boolean[] bools(JsonObject o, String key, boolean[] def) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return def;
        }
        JsonArray a = e.getAsJsonArray();
        boolean[] v = new boolean[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsBoolean();
        }
        return v;
    }
}
