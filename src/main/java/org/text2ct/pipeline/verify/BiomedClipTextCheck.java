package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDManager;
import org.text2ct.model.text.BiomedClipTextConfig;
import org.text2ct.model.text.BiomedClipTextTower;
import org.text2ct.model.text.MaskedRows;
import org.text2ct.nn.ParamStore;
import org.text2ct.weights.StateDict;

/**
 * {@code verify --kind biomedclip-text}: the text tower's last_hidden_state (unpadded rows only),
 * pooled [CLS] feature and projected text embedding for the io file's input_ids.
 */
public final class BiomedClipTextCheck extends NetworkCheck<BiomedClipTextTower> {
    @Override
    BiomedClipTextTower build(String config, ParamStore p) {
        return new BiomedClipTextTower(BiomedClipTextConfig.fromJson(config), p);
    }

    @Override
    void compare(BiomedClipTextTower tower, StateDict io, NDManager m, VerifyOptions o, VerifyReport report) {
        BiomedClipTextTower.Output out = tower.forward(Fixtures.array(m, io, "input_ids"));
        long[] mask = Fixtures.tensor(io, "attention_mask").toLongs();
        int width = tower.config().bert().hiddenSize();
        report.compare("last_hidden_state (unpadded rows)",
                MaskedRows.keep(out.lastHiddenState().toFloatArray(), mask, width),
                MaskedRows.keep(Fixtures.floats(io, "last_hidden_state"), mask, width));
        report.compare("pooled", out.pooled().toFloatArray(), Fixtures.floats(io, "pooled"));
        report.compare("text_embedding", out.embedding().toFloatArray(), Fixtures.floats(io, "text_embedding"));
    }
}
