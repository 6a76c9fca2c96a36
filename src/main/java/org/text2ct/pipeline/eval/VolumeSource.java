package org.text2ct.pipeline.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.VolumeFiles;

/** One volume of a set, loaded only when the evaluation reaches it (sets can exceed memory). */
public interface VolumeSource {
    String name();

    CtVolume load() throws IOException;

    static VolumeSource of(Path file) {
        return new VolumeSource() {
            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public CtVolume load() throws IOException {
                return VolumeFiles.read(file);
            }
        };
    }
}
