package org.text2ct.fiji;

import java.nio.file.Files;
import java.nio.file.Path;

/** Batch output never replaces a file: a taken name gets _2, _3, … before its extension. */
final class UniqueNames {
    private UniqueNames() {
    }

    static Path free(Path wanted) {
        if (!Files.exists(wanted)) {
            return wanted;
        }
        String name = wanted.getFileName().toString();
        String ext = name.endsWith(".nii.gz") ? ".nii.gz" : name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        String stem = name.substring(0, name.length() - ext.length());
        for (int i = 2; ; i++) {
            Path candidate = wanted.resolveSibling(stem + "_" + i + ext);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }
}
