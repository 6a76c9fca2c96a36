package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDManager;
import java.util.function.BiFunction;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/**
 * The frame of every single-network check: open the weights (config in their metadata) and the io
 * file, build the network with strict key binding on the chosen device, then compare outputs.
 *
 * @param <N> the network type
 */
abstract class NetworkCheck<N> implements FixtureCheck {
    /** Builds the network from its config JSON. */
    abstract N build(String configJson, ParamStore params);

    /** Runs the network on the io file's inputs and reports each output. */
    abstract void compare(N network, StateDict io, NDManager manager, VerifyOptions options, VerifyReport report);

    @Override
    public final void run(VerifyOptions o, VerifyReport report) throws Exception {
        Fixtures.require(o.weights(), "--weights");
        try (StateDict w = SafeTensorsFile.open(o.weights());
                StateDict io = SafeTensorsFile.open(o.io());
                NDManager m = NDManager.newBaseManager(Engines.device(o.device()), "PyTorch")) {
            compare(bind(w, m, this::build), io, m, o, report);
        }
    }

    /** A network bound strictly to {@code weights}: any missing, unexpected or mis-shaped key fails. */
    static <T> T bind(StateDict weights, NDManager m, BiFunction<String, ParamStore, T> factory) {
        ParamStore p = new ParamStore(weights, m);
        T network = factory.apply(Fixtures.config(weights), p);
        p.checkStrict();
        return network;
    }
}
