package org.text2ct.volume;

/**
 * The axial slice as radiologists view it: looking up from the feet, so the patient's right is
 * on the screen's left and anterior is at the top. Built from the RAS-oriented volume, whatever
 * the stored orientation, so every reader must land a left-sided finding on the screen's right.
 */
public final class RadiologicalView {
    private RadiologicalView() {
    }

    /**
     * Axial slice {@code k} of the RAS-oriented volume (k grows towards superior) as
     * {@code image[row][column]}: column 0 is the patient's right-most voxel, row 0 the most anterior.
     */
    public static float[][] axial(CtVolume volume, int k) {
        CtVolume ras = Orientation.toRas(volume);
        int nx = ras.nx();
        int ny = ras.ny();
        float[][] image = new float[ny][nx];
        for (int row = 0; row < ny; row++) {
            for (int col = 0; col < nx; col++) {
                // RAS index i grows towards the patient's right, j towards anterior.
                image[row][col] = ras.get(nx - 1 - col, ny - 1 - row, k);
            }
        }
        return image;
    }
}
