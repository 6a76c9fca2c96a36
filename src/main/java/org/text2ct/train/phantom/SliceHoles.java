package org.text2ct.train.phantom;

/** Non-lung voxels enclosed by lung within their axial slice: what a 2D hole fill of the lungs adds. */
final class SliceHoles {

    private SliceHoles() {
    }

    static boolean[] of(PhantomGrid g, byte[] lungSide) {
        int nxy = g.nx() * g.ny();
        int[] label = new int[lungSide.length];
        int[] queue = new int[lungSide.length];
        for (int z = 0; z < g.nz(); z++) {
            int slice = z;
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++) {
                    boolean edge = x == 0 || y == 0 || x == g.nx() - 1 || y == g.ny() - 1;
                    int i = g.index(x, y, z);
                    if (edge && lungSide[i] == 0 && label[i] == 0) {
                        Components.flood(g, i, 1, label, queue, j -> j / nxy == slice && lungSide[j] == 0);
                    }
                }
            }
        }
        boolean[] holes = new boolean[lungSide.length];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = lungSide[i] == 0 && label[i] == 0;
        }
        return holes;
    }
}
