package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDManager;
import org.text2ct.model.text.BiomedClipTextConfig;
import org.text2ct.model.text.BiomedClipTextTower;
import org.text2ct.model.text.MaskedRows;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/**
 * {@code verify --kind biomedclip-text}: the text tower's last_hidden_state (unpadded rows only),
 * pooled [CLS] feature and projected text embedding for the io file's input_ids.
 */
public final class BiomedClipTextCheck implements FixtureCheck {
    @Override
    public void run(VerifyOptions o, VerifyReport report) throws Exception {
        Fixtures.require(o.weights(), "--weights");
        try (StateDict w = SafeTensorsFile.open(o.weights());
                StateDict io = SafeTensorsFile.open(o.io());
                NDManager m = NDManager.newBaseManager(Engines.device(o.device()), "PyTorch")) {
            ParamStore p = new ParamStore(w, m);
            BiomedClipTextTower tower = new BiomedClipTextTower(BiomedClipTextConfig.fromJson(Fixtures.config(w)), p);
            p.checkStrict();
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
}
