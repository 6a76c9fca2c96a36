package org.text2ct.volume;

/**
 * The paper's preprocessing in order — orient to RAS, resample to a spacing, crop or pad to a
 * size around the body, clip to [−1000, 1000] HU — and its inverse, which puts a result made on
 * the prepared grid back onto the source grid and orientation. Scaling to [0, 1] for the model
 * is {@link IntensityScaling#toUnitRange}.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /** What {@link #invert} needs: the source orientation, its RAS grid, and the crop/pad window. */
    public record Undo(String sourceOrientation, int[] rasSize, double[] rasSpacing, double[] rasOrigin, CropPad.Placement placement) {
    }

    /** The prepared volume (HU, clipped) and how to undo the geometry. */
    public record Prepared(CtVolume volume, Undo undo) {
    }

    /**
     * Prepares a volume; {@code spacing} (mm) and {@code size} (voxels) may be null to keep the
     * volume's own.
     */
    public static Prepared apply(CtVolume volume, double[] spacing, int[] size) {
        CtVolume ras = Orientation.toRas(volume);
        CtVolume resampled = spacing == null ? ras
                : Resampler.toSpacing(ras, spacing, Resampler.Interpolation.LINEAR, CropPad.PAD_HU);
        CropPad.Placement placement = CropPad.placement(resampled, size == null ? resampled.size() : size);
        CtVolume windowed = size == null ? resampled : CropPad.window(resampled, placement.start(), size, CropPad.PAD_HU);
        Undo undo = new Undo(volume.orientationCode(), ras.size(), ras.spacing(), ras.origin(), placement);
        return new Prepared(IntensityScaling.clip(windowed), undo);
    }

    /** A volume on the prepared grid (HU) back on the source grid: outside the window is air. */
    public static CtVolume invert(CtVolume prepared, Undo undo) {
        CtVolume restored = CropPad.restore(prepared, undo.placement(), CropPad.PAD_HU);
        CtVolume ras = Resampler.onto(restored, undo.rasSize(), undo.rasSpacing(), undo.rasOrigin(),
                Resampler.Interpolation.LINEAR, CropPad.PAD_HU);
        return Orientation.reorient(ras, undo.sourceOrientation());
    }
}
