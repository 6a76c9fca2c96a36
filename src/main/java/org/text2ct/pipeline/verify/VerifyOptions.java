package org.text2ct.pipeline.verify;

import java.nio.file.Path;

/** The options of {@code verify}, passed to each kind's check. Null where not given. */
public record VerifyOptions(Path weights, Path io, Path vae, Integer splits, Integer splitDim, String device) {
}
