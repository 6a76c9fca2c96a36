package org.text2ct.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and checked JSON header of a safetensors file: every tensor's dtype, shape and byte
 * range inside the data region, plus the {@code __metadata__} strings. Parsing never trusts the
 * file: every number is range-checked before anything is allocated or mapped.
 */
record SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata) {
    /** A safetensors header larger than this is refused, as the Python library does. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final String METADATA_KEY = "__metadata__";

    /** One tensor: its byte range {@code [begin, end)} is relative to the start of the data region. */
    record Entry(String name, DType dtype, long[] shape, long begin, long end) {
        long byteCount() {
            return end - begin;
        }
    }

    /**
     * Parses {@code json} and checks every entry against a data region of {@code dataBytes} bytes.
     */
    static SafeTensorsHeader parse(Path file, String json, long dataBytes) throws WeightFileException {
        JsonObject root = parseObject(file, json);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                readMetadata(file, e.getValue(), metadata);
            } else {
                entries.add(readEntry(file, e.getKey(), e.getValue(), dataBytes));
            }
        }
        checkNoOverlap(file, entries);
        return new SafeTensorsHeader(Collections.unmodifiableList(entries), Collections.unmodifiableMap(metadata));
    }

    private static JsonObject parseObject(Path file, String json) throws WeightFileException {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            // Strict mode makes this throw if anything but whitespace follows the object.
            reader.peek();
        } catch (JsonParseException | IOException e) {
            throw new WeightFileException(file, "header is not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new WeightFileException(file, "header is JSON but not an object");
        }
        return root.getAsJsonObject();
    }

    private static void readMetadata(Path file, JsonElement value, Map<String, String> out)
            throws WeightFileException {
        if (!value.isJsonObject()) {
            throw new WeightFileException(file, METADATA_KEY + " is not an object of strings");
        }
        for (Map.Entry<String, JsonElement> m : value.getAsJsonObject().entrySet()) {
            JsonElement v = m.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw new WeightFileException(file, METADATA_KEY + " entry '" + m.getKey() + "' is not a string");
            }
            out.put(m.getKey(), v.getAsString());
        }
    }

    private static Entry readEntry(Path file, String name, JsonElement value, long dataBytes)
            throws WeightFileException {
        if (!value.isJsonObject()) {
            throw new WeightFileException(file, "tensor '" + name + "' is not described by a JSON object");
        }
        JsonObject o = value.getAsJsonObject();
        DType dtype = readDType(file, name, o.get("dtype"));
        long[] shape = readNonNegativeLongs(file, name, "shape", o.get("shape"), -1);
        long[] offsets = readNonNegativeLongs(file, name, "data_offsets", o.get("data_offsets"), 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw new WeightFileException(file, "tensor '" + name + "' has data_offsets [" + begin + ", " + end
                    + "] that end before they begin");
        }
        long needed = byteCount(file, name, dtype, shape);
        if (end - begin != needed) {
            throw new WeightFileException(file, "tensor '" + name + "' has " + (end - begin) + " bytes in data_offsets"
                    + " but shape " + Arrays.toString(shape) + " of " + dtype + " needs " + needed);
        }
        if (needed > Integer.MAX_VALUE) {
            throw new WeightFileException(file, "tensor '" + name + "' is " + needed
                    + " bytes; one memory mapping is limited to 2 GB, so tensors this large are not supported");
        }
        if (end > dataBytes) {
            throw new WeightFileException(file, "tensor '" + name + "' has data_offsets [" + begin + ", " + end
                    + "] beyond the " + dataBytes + "-byte data region; the file is truncated or damaged");
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static DType readDType(Path file, String name, JsonElement v) throws WeightFileException {
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new WeightFileException(file, "tensor '" + name + "' has no dtype string");
        }
        DType dtype = DType.fromSafetensors(v.getAsString());
        if (dtype == null) {
            throw new WeightFileException(file, "tensor '" + name + "' has unknown dtype '" + v.getAsString()
                    + "'; supported: " + Arrays.toString(DType.values()));
        }
        return dtype;
    }

    /** Reads an array of non-negative integers; {@code length} -1 allows any length. */
    private static long[] readNonNegativeLongs(Path file, String name, String field, JsonElement v, int length)
            throws WeightFileException {
        String where = "tensor '" + name + "' field " + field;
        if (v == null || !v.isJsonArray()) {
            throw new WeightFileException(file, where + " is missing or not an array");
        }
        JsonArray a = v.getAsJsonArray();
        if (length >= 0 && a.size() != length) {
            throw new WeightFileException(file, where + " has " + a.size() + " values, expected " + length);
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegativeLong(file, where, a.get(i));
        }
        return out;
    }

    private static long nonNegativeLong(Path file, String where, JsonElement v) throws WeightFileException {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw new WeightFileException(file, where + " holds something other than a number");
        }
        String text = v.getAsString();
        long n;
        try {
            // The length check keeps a hostile million-digit number from costing quadratic parse time.
            if (text.length() > 24) {
                throw new ArithmeticException("too long");
            }
            n = new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            String shown = text.length() > 24 ? text.substring(0, 24) + "..." : text;
            throw new WeightFileException(file, where + " holds " + shown + ", which is not a 64-bit integer");
        }
        if (n < 0) {
            throw new WeightFileException(file, where + " holds a negative value " + n);
        }
        return n;
    }

    private static long byteCount(Path file, String name, DType dtype, long[] shape) throws WeightFileException {
        try {
            return Math.multiplyExact(TensorData.numel(shape), dtype.bytes());
        } catch (ArithmeticException e) {
            throw new WeightFileException(file, "tensor '" + name + "' has shape " + Arrays.toString(shape)
                    + " whose size overflows 64 bits");
        }
    }

    private static void checkNoOverlap(Path file, List<Entry> entries) throws WeightFileException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (int i = 1; i < sorted.size(); i++) {
            Entry prev = sorted.get(i - 1);
            Entry cur = sorted.get(i);
            if (cur.begin() < prev.end()) {
                throw new WeightFileException(file, "tensors '" + prev.name() + "' [" + prev.begin() + ", "
                        + prev.end() + ") and '" + cur.name() + "' [" + cur.begin() + ", " + cur.end()
                        + ") overlap");
            }
        }
    }
}
