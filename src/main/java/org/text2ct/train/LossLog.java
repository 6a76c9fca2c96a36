package org.text2ct.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The loss log of a run as CSV (first column step), flushed every row so a crashed or stopped
 * run keeps its history. A resumed run keeps the rows up to its checkpoint's step and appends.
 */
public final class LossLog implements AutoCloseable {
    private final String[] columns;
    private final List<double[]> rows = new ArrayList<>();
    private final BufferedWriter out;

    public LossLog(Path file, String[] columns, int resumeStep) throws IOException {
        this.columns = columns.clone();
        if (resumeStep > 0 && Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                double[] r = parse(line);
                if (r[0] <= resumeStep) {
                    rows.add(r);
                }
            }
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        out.write(String.join(",", columns) + "\n");
        for (double[] r : rows) {
            out.write(format(r));
        }
        out.flush();
    }

    public void add(double... values) throws IOException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("expected " + columns.length + " values, got " + values.length);
        }
        rows.add(values.clone());
        out.write(format(values));
        out.flush();
    }

    public String[] columns() {
        return columns.clone();
    }

    public List<double[]> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static double[] parse(String line) {
        String[] f = line.split(",");
        double[] r = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            r[i] = Double.parseDouble(f[i]);
        }
        return r;
    }

    private static String format(double[] r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
            b.append(i == 0 ? "" : ",").append(i == 0 ? Long.toString((long) r[i]) : String.format(Locale.ROOT, "%.6g", r[i]));
        }
        return b.append('\n').toString();
    }
}
