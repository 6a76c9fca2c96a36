package org.text2ct.fiji;

import ij.IJ;
import ij.ImagePlus;

/** Opens ImageJ's Orthogonal Views on a shown stack, centred on the volume. */
final class OrthoViews {
    private OrthoViews() {
    }

    static void open(ImagePlus imp) {
        imp.setSlice(imp.getNSlices() / 2 + 1);
        IJ.run(imp, "Orthogonal Views", "");
        // The views' windows take the focus; the macro's current image should stay the volume.
        IJ.selectWindow(imp.getID());
    }
}
