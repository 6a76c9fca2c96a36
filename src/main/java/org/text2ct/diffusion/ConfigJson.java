package org.text2ct.diffusion;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads a scheduler config saved as JSON with MONAI's argument names; a missing key takes MONAI's
 * default, keys for other purposes (e.g. num_inference_steps) are ignored, a bad value is named.
 */
final class ConfigJson {
    private final JsonObject json;

    private ConfigJson(JsonObject json) {
        this.json = json;
    }

    static ConfigJson parse(String text) {
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("scheduler config must be a JSON object, got: " + root);
            }
            return new ConfigJson(root.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("scheduler config is not valid JSON: " + e.getMessage(), e);
        }
    }

    int integer(String key, int fallback) {
        long value = whole(key, fallback);
        if (value != (int) value) {
            throw new IllegalArgumentException(key + " is out of range: " + value);
        }
        return (int) value;
    }

    long whole(String key, long fallback) {
        double value = number(key, fallback);
        if (value != Math.rint(value) || Math.abs(value) > 0x1p53) {
            throw new IllegalArgumentException(key + " must be an integer, got " + json.get(key));
        }
        return (long) value;
    }

    double number(String key, double fallback) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(key + " must be a number, got " + e);
        }
        return e.getAsDouble();
    }

    boolean bool(String key, boolean fallback) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(key + " must be true or false, got " + e);
        }
        return e.getAsBoolean();
    }

    /** One of an enum's labels (its {@code toString}). */
    <E extends Enum<E>> E choice(String key, E fallback) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        return ConfigJson.label(key, e.isJsonPrimitive() ? e.getAsString() : e.toString(),
                fallback.getDeclaringClass());
    }

    static <E extends Enum<E>> E label(String key, String value, Class<E> type) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.toString().equals(value)) {
                return candidate;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(key + " '" + value + "' is not supported, use one of: " + allowed);
    }
}
