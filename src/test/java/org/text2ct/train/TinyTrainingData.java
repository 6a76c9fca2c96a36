package org.text2ct.train;

import java.io.IOException;
import java.nio.file.Path;
import org.text2ct.train.phantom.PhantomDataset;
import org.text2ct.train.phantom.PhantomGrid;

/** Tiny phantom training folders and network configs, so training tests take seconds. */
final class TinyTrainingData {
    static final PhantomGrid GRID = new PhantomGrid(32, 32, 16, 12, 12, 20);
    /** 3 levels (4× compression, as MAISI), 4/8/8 channels, one residual block per level. */
    static final String VAE_JSON = "{\"spatial_dims\":3,\"in_channels\":1,\"out_channels\":1,\"latent_channels\":4,"
            + "\"num_channels\":[4,8,8],\"num_res_blocks\":[1,1,1],\"norm_num_groups\":4,\"norm_eps\":1e-6}";

    private TinyTrainingData() {
    }

    static Path phantoms(Path dir, int n) throws IOException {
        PhantomDataset.write(dir, n, 7, GRID, new PhantomNiftiSink(dir), i -> { }, () -> false);
        return dir;
    }
}
