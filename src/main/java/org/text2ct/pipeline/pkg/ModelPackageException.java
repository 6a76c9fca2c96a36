package org.text2ct.pipeline.pkg;

import java.io.IOException;

/** A model package that cannot be used; the message names the file or field and what to do. */
public class ModelPackageException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelPackageException(String message) {
        super(message);
    }

    public ModelPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
