package org.text2ct.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Sinusoidal timestep features as MONAI's get_timestep_embedding computes them: cos then sin of
 * t·exp(−ln(10000)·i/half). Computed with engine ops in float32 so the arguments round exactly
 * as the reference does; at t ≈ 1000 one ulp in a frequency would already show in the output.
 */
final class TimestepEmbedding {
    private TimestepEmbedding() {
    }

    static NDArray sinusoidal(NDArray timesteps, int dim) {
        NDManager m = timesteps.getManager();
        int half = dim / 2;
        NDArray exponent = m.arange(0f, (float) half, 1f, DataType.FLOAT32).mul((float) -Math.log(10000));
        NDArray freqs = exponent.div((float) half).exp();
        NDArray args = timesteps.toType(DataType.FLOAT32, false).expandDims(1).mul(freqs.expandDims(0));
        NDArray emb = args.cos().concat(args.sin(), 1);
        if (dim % 2 == 1) {
            emb = emb.concat(m.zeros(new ai.djl.ndarray.types.Shape(emb.getShape().get(0), 1)), 1);
        }
        return emb;
    }
}
