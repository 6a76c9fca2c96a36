package org.text2ct.model.vae;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The constructor arguments of MONAI's {@code AutoencoderKlMaisi} that change the network, read
 * from MONAI's JSON field names with its defaults. MONAI's own splitting fields (num_splits,
 * dim_split, save_mem, print_info) are run-time choices here and are ignored.
 */
public record VaeConfig(int inChannels, int outChannels, int latentChannels, int[] numChannels, int[] numResBlocks,
        int normNumGroups, float normEps) {

    public VaeConfig {
        if (numResBlocks.length != numChannels.length) {
            throw invalid("num_res_blocks has " + numResBlocks.length + " entries but num_channels has "
                    + numChannels.length);
        }
        for (int c : numChannels) {
            if (c % normNumGroups != 0) {
                throw invalid("num_channels entries must be multiples of norm_num_groups " + normNumGroups + ", got " + c);
            }
        }
    }

    /** Spatial size ratio between image and latent (2 per downsampling). */
    public int downFactor() {
        return 1 << (numChannels.length - 1);
    }

    public static VaeConfig fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        if (o.has("spatial_dims") && o.get("spatial_dims").getAsInt() != 3) {
            throw invalid("spatial_dims must be 3, got " + o.get("spatial_dims"));
        }
        for (String flag : new String[] {"with_encoder_nonlocal_attn", "with_decoder_nonlocal_attn", "use_convtranspose",
                "norm_float16"}) {
            if (o.has(flag) && o.get(flag).getAsBoolean()) {
                throw invalid(flag + " = true is not supported (the released MAISI VAE does not use it)");
            }
        }
        if (o.has("attention_levels")) {
            for (JsonElement e : o.getAsJsonArray("attention_levels")) {
                if (e.getAsBoolean()) {
                    throw invalid("attention_levels with true entries are not supported (the released MAISI VAE has none)");
                }
            }
        }
        int[] channels = ints(o.getAsJsonArray("num_channels"));
        JsonElement rb = o.get("num_res_blocks");
        int[] res = rb.isJsonArray() ? ints(rb.getAsJsonArray()) : repeat(rb.getAsInt(), channels.length);
        return new VaeConfig(
                o.get("in_channels").getAsInt(),
                o.get("out_channels").getAsInt(),
                o.has("latent_channels") ? o.get("latent_channels").getAsInt() : 3,
                channels, res,
                o.has("norm_num_groups") ? o.get("norm_num_groups").getAsInt() : 32,
                o.has("norm_eps") ? o.get("norm_eps").getAsFloat() : 1e-6f);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid MAISI VAE config: " + why);
    }

    private static int[] ints(JsonArray a) {
        if (a == null) {
            throw invalid("num_channels is missing");
        }
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

    private static int[] repeat(int v, int n) {
        int[] r = new int[n];
        java.util.Arrays.fill(r, v);
        return r;
    }
}
