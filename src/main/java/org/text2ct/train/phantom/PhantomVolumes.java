package org.text2ct.train.phantom;

import java.util.ArrayList;
import java.util.List;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.Orientation;

/** Converts between phantom arrays ({@link PhantomGrid} layout, RAS) and {@link CtVolume}s. */
public final class PhantomVolumes {
    private static final double[][] RAS = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    private PhantomVolumes() {
    }

    /** A RAS volume with identity direction and the grid's spacing. */
    public static CtVolume toCtVolume(float[] hu, PhantomGrid g) {
        if (hu.length != g.size()) {
            throw new IllegalArgumentException(g.nx() + "x" + g.ny() + "x" + g.nz() + " does not match " + hu.length
                    + " voxels");
        }
        int plane = g.nx() * g.ny();
        List<float[]> planes = new ArrayList<>(g.nz());
        for (int z = 0; z < g.nz(); z++) {
            float[] p = new float[plane];
            System.arraycopy(hu, z * plane, p, 0, plane);
            planes.add(p);
        }
        return CtVolume.ofPlanes(planes, g.nx(), g.ny(), g.spacing(), new double[3], RAS);
    }

    /** {@link FindingDetector} on any volume: turned to RAS once, read on its own grid. */
    public static Detection detect(CtVolume v) {
        CtVolume ras = Orientation.toRas(v);
        int plane = ras.nx() * ras.ny();
        float[] hu = new float[Math.toIntExact(ras.voxelCount())];
        for (int z = 0; z < ras.nz(); z++) {
            System.arraycopy(ras.plane(z), 0, hu, z * plane, plane);
        }
        return FindingDetector.detect(PhantomGrid.of(ras.nx(), ras.ny(), ras.nz(), ras.spacing()), hu);
    }
}
