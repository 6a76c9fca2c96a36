package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.unet.UnetInputs;
import org.text2ct.nn.Engines;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;

/** {@code verify --kind maisi-unet}: one forward pass with whichever inputs the io file holds. */
public final class UnetCheck implements FixtureCheck {
    @Override
    public void run(VerifyOptions o, VerifyReport report) throws Exception {
        Fixtures.require(o.weights(), "--weights");
        try (StateDict w = SafeTensorsFile.open(o.weights());
                StateDict io = SafeTensorsFile.open(o.io());
                NDManager m = NDManager.newBaseManager(Engines.device(o.device()), "PyTorch")) {
            ParamStore p = new ParamStore(w, m);
            MaisiUnet unet = new MaisiUnet(UnetConfig.fromJson(Fixtures.config(w)), p);
            p.checkStrict();
            UnetInputs in = new UnetInputs(Fixtures.array(m, io, "x"), Fixtures.array(m, io, "timesteps"),
                    Fixtures.optional(m, io, "context"), Fixtures.optional(m, io, "class_labels"),
                    Fixtures.optional(m, io, "top_region_index"), Fixtures.optional(m, io, "bottom_region_index"),
                    Fixtures.optional(m, io, "spacing"));
            NDArray out = unet.forward(in);
            report.compare("output", out.toFloatArray(), Fixtures.floats(io, "output"));
        }
    }
}
