package org.text2ct.pipeline.pkg;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.text2ct.pipeline.pkg.ModelManifest.Label;

/**
 * Typed access to one JSON object of model.json; every error names the full field path
 * ("model.json: scheduler.type ...") so the user knows exactly which line to fix.
 */
final class ManifestFields {
    private final JsonObject json;
    private final String path;

    ManifestFields(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    static ModelPackageException error(String field, String problem) {
        return new ModelPackageException(ModelManifest.MANIFEST_FILE + ": " + field + " " + problem);
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return json.has(key) && !json.get(key).isJsonNull();
    }

    ManifestFields object(String key) throws ModelPackageException {
        return new ManifestFields(rawObject(key), name(key));
    }

    JsonObject rawObject(String key) throws ModelPackageException {
        JsonElement e = require(key);
        if (!e.isJsonObject()) {
            throw error(name(key), "must be a JSON object, got " + e);
        }
        return e.getAsJsonObject();
    }

    String string(String key) throws ModelPackageException {
        JsonPrimitive p = primitive(key);
        if (!p.isString()) {
            throw error(name(key), "must be a string, got " + p);
        }
        return p.getAsString();
    }

    String string(String key, String fallback) throws ModelPackageException {
        return has(key) ? string(key) : fallback;
    }

    double number(String key) throws ModelPackageException {
        JsonPrimitive p = primitive(key);
        if (!p.isNumber()) {
            throw error(name(key), "must be a number, got " + p);
        }
        return p.getAsDouble();
    }

    double number(String key, double fallback) throws ModelPackageException {
        return has(key) ? number(key) : fallback;
    }

    int integer(String key) throws ModelPackageException {
        return wholeNumber(name(key), primitive(key));
    }

    boolean bool(String key) throws ModelPackageException {
        JsonPrimitive p = primitive(key);
        if (!p.isBoolean()) {
            throw error(name(key), "must be true or false, got " + p);
        }
        return p.getAsBoolean();
    }

    /** An array of exactly {@code n} numbers. */
    double[] numbers(String key, int n) throws ModelPackageException {
        JsonElement e = require(key);
        if (!e.isJsonArray() || e.getAsJsonArray().size() != n) {
            throw error(name(key), "must be a list of " + n + " numbers [x, y, z], got " + e);
        }
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            JsonElement item = a.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isNumber()) {
                throw error(name(key), "must be a list of " + n + " numbers [x, y, z], got " + e);
            }
            v[i] = item.getAsDouble();
        }
        return v;
    }

    /** An array of exactly {@code n} whole numbers. */
    int[] integers(String key, int n) throws ModelPackageException {
        double[] d = numbers(key, n);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = wholeNumber(name(key), new JsonPrimitive(d[i]));
        }
        return v;
    }

    <E extends Enum<E> & Label> E choice(String key, Class<E> type) throws ModelPackageException {
        String value = string(key);
        for (E candidate : type.getEnumConstants()) {
            if (candidate.label().equals(value)) {
                return candidate;
            }
        }
        throw error(name(key), "'" + value + "' is not supported; use " + ModelManifest.allowed(type));
    }

    private JsonPrimitive primitive(String key) throws ModelPackageException {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive()) {
            throw error(name(key), "must be a single value, got " + e);
        }
        return e.getAsJsonPrimitive();
    }

    private JsonElement require(String key) throws ModelPackageException {
        if (!has(key)) {
            throw error(name(key), "is missing");
        }
        return json.get(key);
    }

    private static int wholeNumber(String field, JsonPrimitive p) throws ModelPackageException {
        if (!p.isNumber() || p.getAsDouble() != Math.rint(p.getAsDouble())
                || Math.abs(p.getAsDouble()) > Integer.MAX_VALUE) {
            throw error(field, "must be a whole number, got " + p);
        }
        return (int) p.getAsDouble();
    }
}
