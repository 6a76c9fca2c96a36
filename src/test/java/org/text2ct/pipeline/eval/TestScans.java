package org.text2ct.pipeline.eval;

import java.util.List;
import java.util.Random;
import org.text2ct.train.phantom.Finding;
import org.text2ct.train.phantom.Patient;
import org.text2ct.train.phantom.PhantomGenerator;
import org.text2ct.train.phantom.PhantomGrid;
import org.text2ct.train.phantom.PhantomLabels;
import org.text2ct.train.phantom.Sex;
import org.text2ct.volume.CraniumArchive;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.GaussianBlur;
import org.text2ct.volume.Orientation;
import org.text2ct.volume.RealScans;

/** Small real and synthetic volumes for evaluation tests: the head CT shrunk, degraded copies, a chest phantom. */
final class TestScans {
    private static CtVolume head;

    private TestScans() {
    }

    /** InVesalius' head CT (256×256×108) averaged over 4×4×4 blocks: 64×64×27, read once per test run. */
    static synchronized CtVolume smallHead() throws Exception {
        if (head == null) {
            head = shrink(CraniumArchive.read(RealScans.cranium()).volume(), 4);
        }
        return head;
    }

    static CtVolume shrink(CtVolume v, int f) {
        int nx = v.nx() / f;
        int ny = v.ny() / f;
        int nz = v.nz() / f;
        double[] s = v.spacing();
        CtVolume out = CtVolume.filled(nx, ny, nz, 0f, new double[] {s[0] * f, s[1] * f, s[2] * f}, v.origin(),
                v.direction());
        for (int z = 0; z < nz * f; z++) {
            float[] plane = v.plane(z);
            float[] target = out.plane(z / f);
            for (int y = 0; y < ny * f; y++) {
                for (int x = 0; x < nx * f; x++) {
                    target[x / f + nx * (y / f)] += plane[x + v.nx() * y] / (f * f * f);
                }
            }
        }
        return out;
    }

    /** A copy with Gaussian noise of {@code sigmaHu} added to every voxel. */
    static CtVolume noisy(CtVolume v, double sigmaHu, long seed) {
        Random random = new Random(seed);
        CtVolume out = CtVolume.like(v);
        for (int z = 0; z < v.nz(); z++) {
            float[] src = v.plane(z);
            float[] dst = out.plane(z);
            for (int i = 0; i < src.length; i++) {
                dst[i] = (float) (src[i] + sigmaHu * random.nextGaussian());
            }
        }
        return out;
    }

    static CtVolume blurred(CtVolume v, double sigmaVoxels) {
        return GaussianBlur.blur(v, new double[] {sigmaVoxels, sigmaVoxels, sigmaVoxels});
    }

    /** A synthetic chest (another anatomy) on the same 64×64×27 grid. */
    static CtVolume chestPhantom(long seed) {
        PhantomGrid grid = new PhantomGrid(64, 64, 27, 6, 6, 12);
        float[] hu = PhantomGenerator.generate(new PhantomLabels(new Patient(55, Sex.MALE, 0.5), List.of(Finding.emphysema())),
                grid, seed).hu();
        CtVolume out = CtVolume.filled(64, 64, 27, 0f, new double[] {6, 6, 12}, new double[3], Orientation.directionOf("RAS"));
        for (int z = 0; z < 27; z++) {
            System.arraycopy(hu, z * 64 * 64, out.plane(z), 0, 64 * 64);
        }
        return out;
    }
}
