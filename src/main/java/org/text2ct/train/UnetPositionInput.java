package org.text2ct.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.model.unet.PositionChannels;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.weights.TensorData;

/**
 * Turns on a UNet's coordinate input ({@link UnetConfig#positionInput()}) for training. A network
 * being fine-tuned gets zero weights for the new input channels of its first convolution, so it
 * starts out computing exactly what it computed before and learns from there how to use them.
 */
public record UnetPositionInput(String unetJson, Map<String, TensorData> weights) {
    static final String CONV_IN_WEIGHT = "conv_in.conv.weight";

    /**
     * {@code unetJson} and its {@code weights} (empty for a fresh network) with the coordinate input on.
     * A resumed run cannot change its network, so there the config must already have it.
     */
    public static UnetPositionInput enable(String unetJson, Map<String, TensorData> weights, boolean resuming) {
        if (UnetConfig.fromJson(unetJson).positionInput()) {
            return new UnetPositionInput(unetJson, weights);
        }
        if (resuming) {
            throw new IllegalArgumentException("the checkpoint's UNet has no position input; resume without "
                    + "--position-input, or start a new run");
        }
        JsonObject o = JsonParser.parseString(unetJson).getAsJsonObject();
        o.addProperty(UnetConfig.POSITION_INPUT, true);
        Map<String, TensorData> widened = new LinkedHashMap<>(weights);
        TensorData w = weights.get(CONV_IN_WEIGHT);
        if (w != null) {
            widened.put(CONV_IN_WEIGHT, withZeroInputs(w, PositionChannels.COUNT));
        }
        return new UnetPositionInput(o.toString(), widened);
    }

    /** A conv weight [out, in, k, k, k] as [out, in + added, k, k, k], the added inputs' weights zero. */
    static TensorData withZeroInputs(TensorData w, int added) {
        long[] s = w.shape();
        int out = (int) s[0];
        int in = (int) s[1];
        int kernel = Math.toIntExact(TensorData.numel(s) / ((long) out * in));
        float[] from = w.toFloats();
        float[] to = new float[out * (in + added) * kernel];
        for (int o = 0; o < out; o++) {
            System.arraycopy(from, o * in * kernel, to, o * (in + added) * kernel, in * kernel);
        }
        long[] shape = s.clone();
        shape[1] = in + added;
        return TensorData.ofFloats(shape, to);
    }
}
