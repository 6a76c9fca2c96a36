package org.text2ct.pipeline.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import org.text2ct.eval.SliceBatch;
import org.text2ct.eval.ViewSlicer;
import org.text2ct.model.features.ClipImageInput;
import org.text2ct.model.features.VisionTransformer;
import org.text2ct.model.text.BiomedClipTextTower;
import org.text2ct.text.TextTokenizer;

/**
 * CLIP cosines with BiomedCLIP's two towers. Each slice is taken back to [0, 1] (the slicer's
 * whole-volume min–max, without its channel shift), prepared as BiomedCLIP prepares images, and
 * embedded; the prompt's text embedding is computed once per prompt.
 */
public final class BiomedClipScorer implements ClipScorer, AutoCloseable {
    private final VisionTransformer image;
    private final BiomedClipTextTower text;
    private final TextTokenizer tokenizer;
    private final NDManager manager;
    private final Map<String, NDArray> textEmbeddings = new HashMap<>();

    /** @param manager owns both towers' parameters; closed with this scorer, as is the tokenizer */
    public BiomedClipScorer(VisionTransformer image, BiomedClipTextTower text, TextTokenizer tokenizer,
            NDManager manager) {
        this.image = image;
        this.text = text;
        this.tokenizer = tokenizer;
        this.manager = manager;
    }

    @Override
    public float[] cosines(String prompt, SliceBatch batch) {
        NDArray t = textEmbeddings.computeIfAbsent(prompt, this::embedText);
        try (NDManager work = manager.newSubManager()) {
            float[] unit = batch.data().clone();
            int plane = batch.rows() * batch.cols();
            for (int i = 0; i < unit.length; i++) {
                unit[i] += ViewSlicer.CHANNEL_MEANS[(i / plane) % 3];
            }
            NDArray images = work.create(unit, new Shape(batch.shape()));
            NDArray e = image.embed(ClipImageInput.prepare(images, image.config().imageSize()));
            return unitRows(e).matMul(t.reshape(-1, 1)).toFloatArray();
        }
    }

    private NDArray embedText(String prompt) {
        long[] ids = tokenizer.encode(prompt).inputIds();
        NDArray out = text.forward(manager.create(ids, new Shape(1, ids.length))).embedding();
        return unitRows(out).reshape(-1);
    }

    private static NDArray unitRows(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).sqrt());
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }
}
