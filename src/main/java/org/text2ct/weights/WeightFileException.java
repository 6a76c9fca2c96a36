package org.text2ct.weights;

import java.io.IOException;
import java.nio.file.Path;

/** A weight file that cannot be used; the message names the file and the problem. */
public class WeightFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public WeightFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
