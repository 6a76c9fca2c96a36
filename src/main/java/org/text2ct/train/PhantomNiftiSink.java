package org.text2ct.train;

import java.io.IOException;
import java.nio.file.Path;
import org.text2ct.train.phantom.PhantomGrid;
import org.text2ct.train.phantom.PhantomVolumes;
import org.text2ct.train.phantom.VolumeSink;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.NiftiWriter;

/** Writes each phantom as {@code <case>.nii.gz} (RAS, identity direction), the format training reads. */
public final class PhantomNiftiSink implements VolumeSink {
    private final Path dir;

    public PhantomNiftiSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public String fileName(String caseId) {
        return caseId + ".nii.gz";
    }

    @Override
    public void write(String caseId, float[] hu, int nx, int ny, int nz, double[] spacingMm) throws IOException {
        CtVolume v = PhantomVolumes.toCtVolume(hu, new PhantomGrid(nx, ny, nz, spacingMm[0], spacingMm[1], spacingMm[2]));
        NiftiWriter.write(v, dir.resolve(fileName(caseId)), NiftiWriter.Options.defaults().withOverwrite(true));
    }
}
