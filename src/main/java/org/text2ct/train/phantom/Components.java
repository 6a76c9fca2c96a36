package org.text2ct.train.phantom;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** 6-connected components of a voxel mask, labelled 1..count (0 = outside the mask). */
final class Components {

    final int[] label;
    final int count;
    /** Voxels per component, indexed by label. */
    final int[] size;

    private Components(int[] label, int count, int[] size) {
        this.label = label;
        this.count = count;
        this.size = size;
    }

    static Components of(PhantomGrid g, boolean[] mask) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        int count = 0;
        int[] size = new int[16];
        for (int seed = 0; seed < mask.length; seed++) {
            if (!mask[seed] || label[seed] != 0) {
                continue;
            }
            count++;
            if (count >= size.length) {
                size = Arrays.copyOf(size, size.length * 2);
            }
            size[count] = flood(g, seed, count, label, queue, i -> mask[i]);
        }
        return new Components(label, count, Arrays.copyOf(size, count + 1));
    }

    /** Marks every voxel 6-connected to {@code seed} through {@code inside} with {@code id}; returns how many. */
    static int flood(PhantomGrid g, int seed, int id, int[] label, int[] queue, IntPredicate inside) {
        int nx = g.nx(), nxy = g.nx() * g.ny(), n = label.length;
        int head = 0, tail = 0;
        label[seed] = id;
        queue[tail++] = seed;
        while (head < tail) {
            int i = queue[head++];
            int x = i % nx, y = i / nx % g.ny();
            int[] next = {x > 0 ? i - 1 : -1, x < nx - 1 ? i + 1 : -1, y > 0 ? i - nx : -1,
                y < g.ny() - 1 ? i + nx : -1, i - nxy, i + nxy};
            for (int j : next) {
                if (j >= 0 && j < n && label[j] == 0 && inside.test(j)) {
                    label[j] = id;
                    queue[tail++] = j;
                }
            }
        }
        return tail;
    }

    /** Voxels of the mask whose six face neighbours are all in the mask: a one-voxel erosion. */
    static boolean[] erode(PhantomGrid g, boolean[] mask) {
        int nx = g.nx(), ny = g.ny(), nxy = nx * ny;
        boolean[] out = new boolean[mask.length];
        for (int z = 1; z < g.nz() - 1; z++) {
            for (int y = 1; y < ny - 1; y++) {
                for (int x = 1; x < nx - 1; x++) {
                    int i = g.index(x, y, z);
                    out[i] = mask[i] && mask[i - 1] && mask[i + 1] && mask[i - nx] && mask[i + nx]
                            && mask[i - nxy] && mask[i + nxy];
                }
            }
        }
        return out;
    }
}
