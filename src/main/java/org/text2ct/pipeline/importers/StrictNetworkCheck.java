package org.text2ct.pipeline.importers;

import ai.djl.ndarray.NDManager;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.StateDictMismatchException;
import org.text2ct.weights.StateDict;

/**
 * Proves that imported tensors fit a network config by building the network on them with strict
 * binding, on the CPU and freed at once; a misfit names every missing, unexpected or mis-shaped key.
 */
final class StrictNetworkCheck {
    private StrictNetworkCheck() {
    }

    static void check(StateDict tensors, Consumer<ParamStore> build) throws ImportException {
        try (NDManager manager = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch")) {
            ParamStore p = new ParamStore(tensors, manager);
            build.accept(p);
            p.checkStrict();
        } catch (StateDictMismatchException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }

    /** Parses a config, naming where it came from when it is invalid. */
    static <T> T config(String origin, String what, Supplier<T> parser) throws ImportException {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new ImportException(origin + ": not a valid " + what + " config: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }
}
