package org.text2ct.train.phantom;

import java.util.stream.IntStream;

/** Which voxels are lung and on which side: 0 none, else {@link #code(Side)}. */
final class LungMask {

    final PhantomGrid grid;
    final byte[] side;

    LungMask(PhantomGrid grid) {
        this.grid = grid;
        this.side = new byte[grid.size()];
    }

    static byte code(Side s) {
        return (byte) (s.ordinal() + 1);
    }

    boolean is(int index, Side s) {
        return side[index] == code(s);
    }

    boolean any(int index) {
        return side[index] != 0;
    }

    /** Indices of this side's lung voxels, in one lobe or (lobe null) all of them. */
    int[] voxels(Side s, Lobe lobe, LobeMap lobes) {
        IntStream.Builder found = IntStream.builder();
        for (int i = 0; i < side.length; i++) {
            if (is(i, s) && (lobe == null || lobeOf(i, s, lobes) == lobe)) {
                found.add(i);
            }
        }
        int[] all = found.build().toArray();
        if (all.length == 0) {
            String where = lobe == null ? "" : " in the " + lobe.word() + " lobe";
            throw new IllegalStateException("no aerated " + s.word() + " lung" + where);
        }
        return all;
    }

    private Lobe lobeOf(int i, Side s, LobeMap lobes) {
        double[] p = grid.worldMm(i);
        return lobes.lobeAt(s, p[1], p[2]);
    }

    /** Drops voxels that later painting turned into something denser than aerated lung. */
    void keepBelow(float[] hu, float maxHu) {
        for (int i = 0; i < side.length; i++) {
            if (hu[i] >= maxHu) {
                side[i] = 0;
            }
        }
    }
}
