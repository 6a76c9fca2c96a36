package org.text2ct.pipeline.importers;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The overwrite rule every importer follows, checked before any work so a refusal writes nothing. */
final class ImportOutputs {
    private ImportOutputs() {
    }

    static void checkWritable(boolean overwrite, Path... outputs) throws FileAlreadyExistsException {
        for (Path out : outputs) {
            if (!overwrite && Files.exists(out)) {
                throw new FileAlreadyExistsException(out.toString(), null,
                        "already exists; pass --overwrite to replace it");
            }
        }
    }
}
