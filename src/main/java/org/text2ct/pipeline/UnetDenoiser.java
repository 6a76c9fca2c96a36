package org.text2ct.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.diffusion.GuidanceMath;
import org.text2ct.diffusion.GuidedDenoiser;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetInputs;

/**
 * Classifier-free guidance with one UNet call per step: a batch of two (prompt context first,
 * null context second, the same timestep as float32 for both), then
 * uncond + s·(cond − uncond). With s = 1 the null half is skipped and the batch is one.
 */
public final class UnetDenoiser implements GuidedDenoiser {
    private final MaisiUnet unet;
    private final NDManager manager;
    private final long[] latentShape;
    private final double guidanceScale;
    private final NDArray context;
    private final NDArray contextMask;
    private final NDArray classLabels;
    private final NDArray spacing;

    /**
     * @param context the prompt's states [1, L, D] (and mask, or null); {@code nullContext} the same for the
     *        unconditional half (ignored when s = 1); null when the UNet has no text input
     * @param classLabel the class index or null when the UNet has no class embedding
     * @param spacing [1, 3] in mm ×100, or null when the UNet has no spacing input
     */
    public UnetDenoiser(MaisiUnet unet, NDManager manager, long[] latentShape, double guidanceScale,
            PromptContext context, PromptContext nullContext, Long classLabel, NDArray spacing) {
        this.unet = unet;
        this.manager = manager;
        this.latentShape = latentShape.clone();
        this.guidanceScale = guidanceScale;
        boolean guided = guidanceScale != 1.0;
        int batch = guided ? 2 : 1;
        this.context = context == null ? null : guided ? context.states().concat(nullContext.states(), 0)
                : context.states();
        this.contextMask = context == null || context.mask() == null ? null
                : guided ? context.mask().concat(nullContext.mask(), 0) : context.mask();
        this.classLabels = classLabel == null ? null : manager.create(guided ? new long[] {classLabel, classLabel}
                : new long[] {classLabel});
        this.spacing = spacing == null ? null : spacing.repeat(0, batch);
    }

    @Override
    public float[] predict(float[] latent, int timestep) {
        boolean guided = guidanceScale != 1.0;
        int batch = guided ? 2 : 1;
        try (NDManager step = manager.newSubManager()) {
            // Arrays derived from the conditioning inputs belong to this step and are freed with it.
            for (NDArray a : new NDArray[] {context, contextMask, classLabels, spacing}) {
                if (a != null) {
                    a.tempAttach(step);
                }
            }
            NDArray x = step.create(latent, new Shape(latentShape));
            if (guided) {
                x = x.repeat(0, 2);
            }
            float[] t = new float[batch];
            java.util.Arrays.fill(t, timestep);
            NDArray out = unet.forward(new UnetInputs(x, step.create(t), context, contextMask, classLabels, null, null,
                    spacing));
            float[] values = out.toFloatArray();
            return guided ? GuidanceMath.guideBatch(values, guidanceScale) : values;
        }
    }
}
