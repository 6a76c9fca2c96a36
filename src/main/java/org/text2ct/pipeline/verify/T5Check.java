package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.text2ct.model.text.MaskedRows;
import org.text2ct.model.text.T5Config;
import org.text2ct.model.text.T5Encoder;
import org.text2ct.nn.ParamStore;
import org.text2ct.weights.StateDict;

/**
 * {@code verify --kind t5}: the encoder's last_hidden_state for the io file's input_ids and
 * attention_mask, compared at unpadded positions only (padded rows carry no meaning).
 */
public final class T5Check extends NetworkCheck<T5Encoder> {
    @Override
    T5Encoder build(String config, ParamStore p) {
        return new T5Encoder(T5Config.fromJson(config), p);
    }

    @Override
    void compare(T5Encoder encoder, StateDict io, NDManager m, VerifyOptions o, VerifyReport report) {
        long[] mask = Fixtures.tensor(io, "attention_mask").toLongs();
        NDArray out = encoder.forward(Fixtures.array(m, io, "input_ids"), Fixtures.array(m, io, "attention_mask"));
        int width = encoder.config().dModel();
        report.compare("last_hidden_state (unpadded rows)", MaskedRows.keep(out.toFloatArray(), mask, width),
                MaskedRows.keep(Fixtures.floats(io, "last_hidden_state"), mask, width));
    }
}
