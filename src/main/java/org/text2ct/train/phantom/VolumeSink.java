package org.text2ct.train.phantom;

import java.io.IOException;

/**
 * Where {@link PhantomDataset} puts each volume. Voxels are HU in the layout of
 * {@link PhantomGrid}: x fastest, RAS.
 */
public interface VolumeSink {

    void write(String caseId, float[] hu, int nx, int ny, int nz, double[] spacingMm) throws IOException;

    /** The file name a case's volume gets, relative to the dataset folder, as listed in reports.json. */
    String fileName(String caseId);
}
