package org.text2ct.pipeline.verify;

import org.text2ct.eval.FeatureSet;
import org.text2ct.eval.FrechetDistance;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;

/** {@code verify --kind fid}: the Fréchet distance between {@code features_pred} and {@code features_real}. */
public final class FidCheck implements FixtureCheck {
    @Override
    public void run(VerifyOptions options, VerifyReport report) throws Exception {
        try (SafeTensorsFile io = SafeTensorsFile.open(options.io())) {
            double expected = require(io, "fid").toFloats()[0];
            double fid = FrechetDistance.between(features(io, "features_pred"), features(io, "features_real"));
            report.compare("fid", new double[] {fid}, new double[] {expected});
        }
    }

    private static FeatureSet features(SafeTensorsFile io, String key) {
        TensorData t = require(io, key);
        long[] shape = t.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(key + " must be [samples, features], got " + shape.length + " dims");
        }
        return new FeatureSet(Math.toIntExact(shape[0]), Math.toIntExact(shape[1]), t.toFloats());
    }

    private static TensorData require(SafeTensorsFile io, String key) {
        TensorData t = io.get(key);
        if (t == null) {
            throw new IllegalArgumentException(io.source() + " has no tensor '" + key + "'");
        }
        return t;
    }
}
