package org.text2ct.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a {@link Trainer} to its step count: logs every step (loss CSV), checkpoints every K steps
 * and at the end (also when cancelled, so the run can resume), redraws the loss curve at each
 * checkpoint, and reports a progress line per step.
 */
public final class TrainingLoop {

    /** Where a run writes: the result, and beside it the checkpoint, loss CSV and loss-curve PNG. */
    public record RunFiles(Path result, Path checkpoint, Path lossCsv, Path lossPng) {

        /** {@code <stem>.checkpoint.safetensors}, {@code <stem>.loss.csv}, {@code <stem>.loss.png} in {@code dir}. */
        public static RunFiles beside(Path result, Path dir, String stem) {
            return new RunFiles(result, dir.resolve(stem + ".checkpoint.safetensors"), dir.resolve(stem + ".loss.csv"),
                    dir.resolve(stem + ".loss.png"));
        }
    }

    private TrainingLoop() {
    }

    static final int MAX_NON_FINITE = 20;

    /** @return the last step's values (losses and learning rate) */
    public static double[] run(Trainer t, int totalSteps, int checkpointEvery, RunFiles files, String title,
            Consumer<String> progress, BooleanSupplier cancelled) throws IOException {
        String[] losses = t.lossColumns();
        String[] columns = new String[losses.length + 2];
        columns[0] = "step";
        System.arraycopy(losses, 0, columns, 1, losses.length);
        columns[columns.length - 1] = "seconds";
        double[] last = new double[losses.length];
        long start = System.nanoTime();
        int nonFinite = 0;
        try (LossLog log = new LossLog(files.lossCsv(), columns, t.completedSteps())) {
            while (t.completedSteps() < totalSteps) {
                if (cancelled.getAsBoolean()) {
                    save(t, files, log, title);
                    throw new CancellationException("stopped after step " + t.completedSteps() + "; resume from "
                            + files.checkpoint());
                }
                long s0 = System.nanoTime();
                last = t.step();
                // Adam skips a non-finite step; a long run of them means the weights themselves went bad.
                nonFinite = Double.isFinite(last[0]) ? 0 : nonFinite + 1;
                if (nonFinite >= MAX_NON_FINITE) {
                    throw new IllegalStateException("training diverged: " + nonFinite + " steps in a row up to step "
                            + t.completedSteps() + " gave a non-finite loss; resume from " + files.checkpoint()
                            + " (saved every " + checkpointEvery + " steps) with a lower --lr");
                }
                double seconds = (System.nanoTime() - s0) / 1e9;
                double[] row = new double[columns.length];
                row[0] = t.completedSteps();
                System.arraycopy(last, 0, row, 1, last.length);
                row[row.length - 1] = seconds;
                log.add(row);
                progress.accept(line(t.completedSteps(), totalSteps, losses, last, seconds, start));
                if (t.completedSteps() % checkpointEvery == 0 || t.completedSteps() == totalSteps) {
                    save(t, files, log, title);
                }
            }
        }
        t.writeResult(files.result());
        return last;
    }

    private static void save(Trainer t, RunFiles files, LossLog log, String title) throws IOException {
        t.checkpoint().save(files.checkpoint());
        int[] lossIndices = new int[log.columns().length - 3];
        for (int i = 0; i < lossIndices.length; i++) {
            lossIndices[i] = i + 1;
        }
        LossCurvePlot.write(files.lossPng(), title, log.columns(), log.rows(), lossIndices);
    }

    private static String line(int step, int total, String[] names, double[] v, double seconds, long start) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "step %d/%d", step, total));
        for (int i = 0; i < names.length; i++) {
            b.append(String.format(Locale.ROOT, "  %s %.5g", names[i], v[i]));
        }
        return b.append(String.format(Locale.ROOT, "  %.2f s/step  %.0f s total", seconds,
                (System.nanoTime() - start) / 1e9)).toString();
    }
}
