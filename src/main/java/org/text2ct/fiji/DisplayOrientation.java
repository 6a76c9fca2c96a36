package org.text2ct.fiji;

import java.util.ArrayList;
import java.util.List;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.Orientation;

/**
 * Puts a volume in the order ImageJ shows it radiologically: image x towards the patient's left
 * (so the patient's right is on the screen's left), image y towards posterior (anterior at the
 * top), slice 1 the most superior (head up in the orthogonal views). That is the "LPI" voxel
 * order. A generated volume is RAS: reversing each plane's array in place is exactly the in-plane
 * 180° turn, and reversing the plane list is free, so the voxels are never copied — the caller's
 * planes are reordered in place and the returned volume shares them. Other orientations are
 * reoriented with a copy.
 */
final class DisplayOrientation {
    static final String CODE = "LPI";

    private DisplayOrientation() {
    }

    /** The volume in LPI voxel order; a RAS input's planes are modified in place and shared. */
    static CtVolume toDisplay(CtVolume volume) {
        String code = volume.orientationCode();
        if (code.equals(CODE)) {
            return volume;
        }
        if (!code.equals("RAS")) {
            return Orientation.reorient(volume, CODE);
        }
        int nx = volume.nx();
        int ny = volume.ny();
        int nz = volume.nz();
        double[] newOrigin = volume.toWorld(nx - 1, ny - 1, nz - 1);
        double[][] dir = volume.direction();
        for (double[] row : dir) {
            for (int c = 0; c < 3; c++) {
                row[c] = -row[c];
            }
        }
        List<float[]> planes = new ArrayList<>(nz);
        for (int z = nz - 1; z >= 0; z--) {
            float[] p = volume.plane(z);
            reverse(p);
            planes.add(p);
        }
        return CtVolume.ofPlanes(planes, nx, ny, volume.spacing(), newOrigin, dir);
    }

    private static void reverse(float[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
