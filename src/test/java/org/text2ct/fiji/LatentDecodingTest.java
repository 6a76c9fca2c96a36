package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.pipeline.TinyModelPackage;
import org.text2ct.volume.CtVolume;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

/** Decode Latent's engine on the tiny package: split counts agree, misfit latents are named. */
class LatentDecodingTest {
    @TempDir
    static Path dir;
    private static LoadedModel.Loaded model;

    @BeforeAll
    static void load() throws Exception {
        Path pkg = dir.resolve("tiny");
        TinyModelPackage.write(pkg);
        model = LoadedModel.get(pkg, "cpu");
    }

    @AfterAll
    static void release() {
        LoadedModel.release();
    }

    private static Path latent(String name, String key, long channels) throws Exception {
        long[] shape = {1, channels, 8, 8, 8};
        float[] v = new float[(int) TensorData.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.37);
        }
        Path file = dir.resolve(name);
        SafeTensorsWriter.write(file, Map.of(key, TensorData.ofFloats(shape, v)), Map.of(), false);
        return file;
    }

    @Test
    void anySplitCountGivesTheSameVolume() throws Exception {
        int channels = model.model().vae().config().latentChannels();
        Path file = latent("z.safetensors", "latent", channels);
        double[] spacing = {6, 6, 6};
        CtVolume one = LatentDecoding.decode(file, 1, model.model(), model.manager(), spacing, CancelToken.NEVER);
        CtVolume three = LatentDecoding.decode(file, 3, model.model(), model.manager(), spacing, CancelToken.NEVER);
        int factor = model.model().latentFactor();
        assertArrayEquals(new int[] {8 * factor, 8 * factor, 8 * factor}, one.size());
        assertArrayEquals(one.plane(5), three.plane(5), 1e-3f);
        assertEquals(6.0, one.spacing()[2]);
    }

    @Test
    void aLatentWithTheWrongChannelsIsNamed() throws Exception {
        int channels = model.model().vae().config().latentChannels();
        Path file = latent("wrong.safetensors", "x", channels + 1);
        var e = assertThrows(IllegalArgumentException.class, () -> LatentDecoding.decode(file, 0, model.model(),
                model.manager(), new double[] {1, 1, 1}, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("does not fit this model: expected [1, " + channels), e.getMessage());
    }

    @Test
    void splitsAreAutoOrPositive() {
        assertEquals(0, LatentDecoding.splits("auto"));
        assertEquals(4, LatentDecoding.splits(" 4 "));
        var e = assertThrows(IllegalArgumentException.class, () -> LatentDecoding.splits("0"));
        assertTrue(e.getMessage().startsWith("splits must be auto"), e.getMessage());
    }
}
