package org.text2ct.volume;

import java.io.IOException;
import java.nio.file.Path;

/** A volume file that cannot be read or written as asked; the message names the file and the problem. */
public class VolumeFormatException extends IOException {
    private final transient Path file;

    public VolumeFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public VolumeFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
