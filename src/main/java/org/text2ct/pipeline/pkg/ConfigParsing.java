package org.text2ct.pipeline.pkg;

import java.util.function.Supplier;

/** Runs a network or scheduler config parser and turns its complaint into one naming the model.json field. */
final class ConfigParsing {
    private ConfigParsing() {
    }

    static <T> T parse(String field, String what, Supplier<T> parser) throws ModelPackageException {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            // The parsers throw IllegalArgumentException for bad values and gson's exceptions for wrong types.
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw ManifestFields.error(field, "is not a valid " + what + " config: " + why
                    + "; fix it in model.json or import the network again");
        }
    }
}
