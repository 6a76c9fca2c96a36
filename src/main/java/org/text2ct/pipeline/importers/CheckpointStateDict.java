package org.text2ct.pipeline.importers;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.text2ct.weights.KeyPrefixes;
import org.text2ct.weights.PtCheckpoint;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.WeightFileException;

/**
 * Finds the network's tensors in a {@code .pt} checkpoint, whichever way it was saved: a plain
 * state dict, a dict under a key such as "state_dict", and with DataParallel's "module." prefix.
 */
final class CheckpointStateDict {
    private static final String DATA_PARALLEL_PREFIX = "module.";

    private CheckpointStateDict() {
    }

    /**
     * The tensors under {@code key}, or when {@code key} is null: those under the first of
     * {@code candidates} that holds a dict, else the top-level tensors.
     */
    static StateDict read(PtCheckpoint cp, String key, List<String> candidates) throws IOException {
        String nested = key != null ? key
                : candidates.stream().filter(c -> cp.get(c) instanceof Map<?, ?>).findFirst().orElse(null);
        StateDict dict = nested != null ? cp.stateDict(nested) : cp.stateDict();
        if (dict.keys().isEmpty()) {
            throw new WeightFileException(cp.source(), "holds no tensors " + (nested != null ? "under '" + nested + "'"
                    : "at its top level nor under " + candidates) + "; its top-level keys are " + cp.keys()
                    + "; name the right one with --key");
        }
        return KeyPrefixes.strip(dict, List.of(DATA_PARALLEL_PREFIX));
    }
}
