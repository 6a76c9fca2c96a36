package org.text2ct.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads PyTorch {@code .pt}/{@code .pth} files written by {@code torch.save} (the zip format,
 * PyTorch 1.6 and later) without Python and without running anything the file names: the pickle
 * inside is read by {@link RestrictedUnpickler}, which accepts only tensor-rebuilding globals.
 */
public final class PtFile {
    private PtFile() {
    }

    /** The tensors at the top level of the file (a plain state dict). */
    public static StateDict open(Path path) throws IOException {
        return load(path).stateDict();
    }

    /** The tensors of the dict under {@code key}, e.g. {@code "unet_state_dict"} in a MONAI checkpoint. */
    public static StateDict stateDict(Path path, String key) throws IOException {
        return load(path).stateDict(key);
    }

    /** The whole object tree; its top level must be a dict. */
    public static PtCheckpoint load(Path path) throws IOException {
        try {
            return read(path);
        } catch (WeightFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Damaged zip structures surface as assorted exceptions from the zip library.
            throw new WeightFileException(path, "cannot read PyTorch zip archive: " + e, e);
        }
    }

    private static PtCheckpoint read(Path path) throws IOException {
        try (PtArchive archive = PtArchive.open(path)) {
            Object root = RestrictedUnpickler.load(path, archive.pickle(), new TorchRebuilder(path, archive));
            if (!(root instanceof Map<?, ?> dict)) {
                throw new WeightFileException(path, "top-level object is "
                        + (root == null ? "None" : root.getClass().getSimpleName()) + ", not a dict of tensors");
            }
            return new PtCheckpoint(path, dict);
        }
    }
}
