package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import java.util.Collection;

/** Scales all gradients together so their global L2 norm is at most a limit (as torch's clip_grad_norm_). */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Clips in place; returns the norm before clipping (logged: spikes show instability).
     * Temporaries go to the gradients' manager: pass gradients attached to a per-step scope.
     */
    public static double clipByGlobalNorm(Collection<NDArray> grads, double maxNorm) {
        double sumSq = 0;
        for (NDArray g : grads) {
            sumSq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sumSq);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (NDArray g : grads) {
                g.muli(scale);
            }
        }
        return norm;
    }
}
