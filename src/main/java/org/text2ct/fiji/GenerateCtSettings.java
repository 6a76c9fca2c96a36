package org.text2ct.fiji;

/**
 * What the "Generate CT from Text" menu, its macro line and its SciJava command all collect.
 * Zero or blank means "the model's default" for steps, guidance, size and spacing.
 */
record GenerateCtSettings(String prompt, long seed, int numSteps, double guidanceScale, String outputSize,
        String outputSpacing, String modelDir, String device, String window) {

    static final long DEFAULT_SEED = 42;
    static final String DEFAULT_DEVICE = "auto";
    static final String[] DEVICES = {"auto", "cpu", "gpu"};
}
