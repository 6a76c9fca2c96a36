package org.text2ct.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws loss columns of a {@link LossLog} against the step on a log-scale y axis into a PNG.
 * Uses only an off-screen image, so it works on headless machines.
 */
public final class LossCurvePlot {
    private static final int W = 800;
    private static final int H = 500;
    private static final int MARGIN = 60;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private LossCurvePlot() {
    }

    /** Plots {@code columns} (indices into each row; row[0] is the step); non-positive values are skipped. */
    public static void write(Path png, String title, String[] names, List<double[]> rows, int... columns)
            throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(Color.BLACK);
            g.drawRect(MARGIN, MARGIN / 2, W - MARGIN - 20, H - MARGIN - MARGIN / 2);
            g.drawString(title, MARGIN, 20);
            double[] range = range(rows, columns);
            double maxStep = rows.isEmpty() ? 1 : Math.max(1, rows.get(rows.size() - 1)[0]);
            g.drawString(String.format(Locale.ROOT, "%.3g", Math.pow(10, range[1])), 2, MARGIN / 2 + 10);
            g.drawString(String.format(Locale.ROOT, "%.3g", Math.pow(10, range[0])), 2, H - MARGIN);
            g.drawString("step " + (long) maxStep, W - 110, H - MARGIN + 20);
            g.setStroke(new BasicStroke(1.5f));
            for (int c = 0; c < columns.length; c++) {
                g.setColor(COLOURS[c % COLOURS.length]);
                g.drawString(names[columns[c]], MARGIN + 10 + 90 * c, H - 10);
                int px = -1;
                int py = -1;
                for (double[] r : rows) {
                    if (!(r[columns[c]] > 0)) {
                        continue;
                    }
                    int x = MARGIN + (int) ((W - MARGIN - 20) * r[0] / maxStep);
                    double t = (Math.log10(r[columns[c]]) - range[0]) / (range[1] - range[0]);
                    int y = H - MARGIN - (int) ((H - MARGIN - MARGIN / 2) * t);
                    if (px >= 0) {
                        g.drawLine(px, py, x, y);
                    }
                    px = x;
                    py = y;
                }
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", png.toFile());
    }

    /** log10 of the smallest and largest positive value plotted (a decade when flat or empty). */
    private static double[] range(List<double[]> rows, int[] columns) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : rows) {
            for (int c : columns) {
                if (r[c] > 0) {
                    lo = Math.min(lo, Math.log10(r[c]));
                    hi = Math.max(hi, Math.log10(r[c]));
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        return hi - lo < 1e-6 ? new double[] {lo - 0.5, hi + 0.5} : new double[] {lo, hi};
    }
}
