package org.text2ct.train;

import java.io.IOException;
import java.nio.file.Path;

/** One kind of training (VAE, LDM) as {@link TrainingLoop} drives it. */
public interface Trainer {

    /** Names of the values {@link #step()} returns, for the loss log (step and seconds are added around them). */
    String[] lossColumns();

    /** Runs one optimisation step; returns the losses named by {@link #lossColumns()} and the learning rate last. */
    double[] step();

    /** Steps completed so far (including those of the checkpoint the run resumed from). */
    int completedSteps();

    TrainingCheckpoint checkpoint();

    /** Writes the trained network(s) in their final form. */
    void writeResult(Path out) throws IOException;
}
