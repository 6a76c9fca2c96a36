package org.text2ct.pipeline;

import java.util.Map;
import org.text2ct.volume.CtVolume;

/** A generated volume in HU and what reproduces it (prompt, seed, steps, guidance, model, spacing, version, timings). */
public record GenerationResult(CtVolume volume, Map<String, String> metadata) {
}
