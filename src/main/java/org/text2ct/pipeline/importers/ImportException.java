package org.text2ct.pipeline.importers;

import java.io.IOException;

/** A checkpoint that cannot be imported; the message names the file, key or field and what to do. */
public class ImportException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
