package org.text2ct.model.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.text2ct.weights.KeyPrefixes;
import org.text2ct.weights.PtCheckpoint;
import org.text2ct.weights.PtFile;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/**
 * Opens ResNet weights as torchvision names them: safetensors, or a torch {@code .pt}/{@code .pth}
 * holding a state dict directly or under "state_dict"/"model"; wrapper prefixes such as
 * DataParallel's "module." or a RadImageNet checkpoint's "backbone." are removed.
 */
public final class ResNetWeights {
    static final List<String> PREFIXES = List.of("module.", "backbone.", "encoder.", "model.");
    static final List<String> NESTED = List.of("state_dict", "model");

    private ResNetWeights() {
    }

    public static StateDict open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        StateDict dict;
        if (name.endsWith(".safetensors")) {
            dict = SafeTensorsFile.open(file);
        } else {
            PtCheckpoint cp = PtFile.load(file);
            String nested = NESTED.stream().filter(k -> cp.get(k) instanceof Map<?, ?>).findFirst().orElse(null);
            dict = nested == null ? cp.stateDict() : cp.stateDict(nested);
        }
        return KeyPrefixes.strip(dict, PREFIXES);
    }
}
