package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.text2ct.nn.Tensors;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/** Reading named tensors and the network config out of reference files, with clear errors. */
final class Fixtures {
    private Fixtures() {
    }

    static void require(Path p, String option) {
        if (p == null) {
            throw new IllegalArgumentException("this kind needs " + option + " FILE");
        }
    }

    /** The constructor arguments that the reference stored as JSON in the metadata entry "config". */
    static String config(StateDict weights) {
        String c = weights.metadata().get("config");
        if (c == null) {
            throw new IllegalArgumentException(weights.source() + " has no 'config' entry in its metadata; "
                    + "verify needs the network's constructor arguments there");
        }
        return c;
    }

    static TensorData tensor(StateDict io, String name) {
        TensorData t = io.get(name);
        if (t == null) {
            throw new IllegalArgumentException(io.source() + " has no tensor '" + name + "'");
        }
        return t;
    }

    static float[] floats(StateDict io, String name) {
        return tensor(io, name).toFloats();
    }

    static NDArray array(NDManager m, StateDict io, String name) {
        return Tensors.toNDArray(m, tensor(io, name));
    }

    static NDArray optional(NDManager m, StateDict io, String name) {
        TensorData t = io.get(name);
        return t == null ? null : Tensors.toNDArray(m, t);
    }
}
