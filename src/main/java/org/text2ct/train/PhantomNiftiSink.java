package org.text2ct.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.text2ct.train.phantom.VolumeSink;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.NiftiWriter;

/** Writes each phantom as {@code <case>.nii.gz} (RAS, identity direction), the format training reads. */
public final class PhantomNiftiSink implements VolumeSink {
    private static final double[][] RAS = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
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
        if ((long) nx * ny * nz != hu.length) {
            throw new IllegalArgumentException(nx + "x" + ny + "x" + nz + " does not match " + hu.length + " voxels");
        }
        int plane = nx * ny;
        List<float[]> planes = new ArrayList<>(nz);
        for (int z = 0; z < nz; z++) {
            float[] p = new float[plane];
            System.arraycopy(hu, z * plane, p, 0, plane);
            planes.add(p);
        }
        CtVolume v = CtVolume.ofPlanes(planes, nx, ny, spacingMm, new double[3], RAS);
        NiftiWriter.write(v, dir.resolve(fileName(caseId)), NiftiWriter.Options.defaults().withOverwrite(true));
    }
}
