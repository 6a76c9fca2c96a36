package org.text2ct.eval;

/**
 * The three 2.5D views of a volume indexed [x, y, z] (axes 0, 1, 2), as MAISI's FID script slices
 * it: axial images are [x, y] for each z, sagittal [y, z] for each x, coronal [x, z] for each y, the
 * first index being the image row. The feature network is not invariant to transposes or flips, so
 * this layout is part of the metric.
 */
public enum View {
    AXIAL(2, 0, 1), SAGITTAL(0, 1, 2), CORONAL(1, 0, 2);

    private final int sliceAxis;
    private final int rowAxis;
    private final int colAxis;

    View(int sliceAxis, int rowAxis, int colAxis) {
        this.sliceAxis = sliceAxis;
        this.rowAxis = rowAxis;
        this.colAxis = colAxis;
    }

    public int sliceAxis() {
        return sliceAxis;
    }

    public int rowAxis() {
        return rowAxis;
    }

    public int colAxis() {
        return colAxis;
    }

    public int slices(Volume3 v) {
        return v.size(sliceAxis);
    }

    public int rows(Volume3 v) {
        return v.size(rowAxis);
    }

    public int cols(Volume3 v) {
        return v.size(colAxis);
    }
}
