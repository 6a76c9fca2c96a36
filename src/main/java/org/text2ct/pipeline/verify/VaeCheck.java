package org.text2ct.pipeline.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.SplitOptions;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.nn.ParamStore;
import org.text2ct.weights.StateDict;

/**
 * {@code verify --kind maisi-vae}: encoder mean and sigma, unsplit decoding, and every
 * split decoding/encoding the io file names ({@code decoded_splitsN_dimD},
 * {@code encoded_mu_splitsN_dimD}); with {@code --splits} also that split against the unsplit decode.
 */
public final class VaeCheck extends NetworkCheck<MaisiVae> {
    private static final Pattern SPLIT = Pattern.compile("(decoded|encoded_mu)_splits(\\d+)(?:_dim(\\d))?");

    @Override
    MaisiVae build(String config, ParamStore p) {
        return new MaisiVae(VaeConfig.fromJson(config), p);
    }

    @Override
    void compare(MaisiVae vae, StateDict io, NDManager m, VerifyOptions o, VerifyReport report) {
        NDArray image = Fixtures.array(m, io, "image");
        NDArray latent = Fixtures.array(m, io, "latent");
        MaisiVae.Encoded enc = vae.encode(image, SplitOptions.of(1, 0));
        report.compare("z_mu", enc.mean().toFloatArray(), Fixtures.floats(io, "z_mu"));
        report.compare("z_sigma", enc.sigma().toFloatArray(), Fixtures.floats(io, "z_sigma"));
        for (String key : io.keys()) {
            Matcher mt = SPLIT.matcher(key);
            if (!mt.matches()) {
                continue;
            }
            int splits = Integer.parseInt(mt.group(2));
            int dim = mt.group(3) == null ? 0 : Integer.parseInt(mt.group(3));
            SplitOptions so = SplitOptions.of(splits, dim);
            NDArray got = mt.group(1).equals("decoded") ? vae.decode(latent, so) : vae.encode(image, so).mean();
            report.compare(key, got.toFloatArray(), Fixtures.floats(io, key));
        }
        if (o.splits() != null) {
            int dim = o.splitDim() == null ? 0 : o.splitDim();
            NDArray got = vae.decode(latent, SplitOptions.of(o.splits(), dim));
            report.compare("decoded_splits" + o.splits() + "_dim" + dim + " vs decoded_splits1", got.toFloatArray(),
                    Fixtures.floats(io, "decoded_splits1"));
        }
    }
}
