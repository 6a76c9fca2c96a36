package org.text2ct.model.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reading Hugging Face config.json fields with defaults, and the checks every text config shares. */
final class ConfigFields {
    private ConfigFields() {
    }

    static boolean has(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && !e.isJsonNull();
    }

    static int integer(JsonObject o, String key, int def) {
        return has(o, key) ? o.get(key).getAsInt() : def;
    }

    /** Throws "invalid {@code kind} config: field must be > 0, got …" for a non-positive value. */
    static void positive(String kind, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("invalid " + kind + " config: " + field + " must be > 0, got " + value);
        }
    }
}
