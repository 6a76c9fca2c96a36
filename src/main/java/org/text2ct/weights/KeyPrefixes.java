package org.text2ct.weights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Removes a wrapper's prefix (DataParallel's "module.", a framework's "backbone.") shared by every key of a state dict. */
public final class KeyPrefixes {
    private KeyPrefixes() {
    }

    /** The dict with the first of {@code prefixes} that every key starts with removed, repeatedly; else the dict itself. */
    public static StateDict strip(StateDict dict, List<String> prefixes) {
        StateDict current = dict;
        while (!current.keys().isEmpty()) {
            StateDict c = current;
            String prefix = prefixes.stream().filter(p -> c.keys().stream().allMatch(k -> k.startsWith(p)))
                    .findFirst().orElse(null);
            if (prefix == null) {
                return current;
            }
            Map<String, TensorData> renamed = new LinkedHashMap<>();
            c.keys().forEach(k -> renamed.put(k.substring(prefix.length()), c.get(k)));
            current = new MapStateDict(c.source(), renamed, c.metadata());
        }
        return current;
    }
}
