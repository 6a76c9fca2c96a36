package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.model.unet.UnetInputs;
import org.text2ct.nn.ParamStore;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.StateDict;

/** {@code verify --kind maisi-unet}: one forward pass with whichever inputs the io file holds. */
public final class UnetCheck extends NetworkCheck<MaisiUnet> {
    @Override
    MaisiUnet build(String config, ParamStore p) {
        return new MaisiUnet(UnetConfig.fromJson(config), p);
    }

    @Override
    void compare(MaisiUnet unet, StateDict io, NDManager m, VerifyOptions o, VerifyReport report) {
        UnetInputs in = new UnetInputs(Fixtures.array(m, io, "x"), Fixtures.array(m, io, "timesteps"),
                Fixtures.optional(m, io, "context"), null, Fixtures.optional(m, io, "class_labels"),
                Fixtures.optional(m, io, "top_region_index"), Fixtures.optional(m, io, "bottom_region_index"),
                Fixtures.optional(m, io, "spacing"));
        NDArray out = unet.forward(in);
        report.compare("output", out.toFloatArray(), Fixtures.floats(io, "output"));
    }
}
