package org.text2ct.pipeline.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/** An evaluation result as one CSV row under the ResultsTable column names, so CLI and Fiji outputs match. */
public final class EvaluationCsv {
    public static final List<String> COLUMNS = List.of("FID_axial", "FID_sagittal", "FID_coronal", "FID_mean",
            "CLIP_axial", "CLIP_sagittal", "CLIP_coronal", "CLIP_mean", "extractor", "n_generated", "n_reference");

    private EvaluationCsv() {
    }

    /** The row's cells in {@link #COLUMNS} order; NaN is written as "NaN". */
    public static List<String> cells(EvaluationResult r) {
        return List.of(num(r.fidAxial()), num(r.fidSagittal()), num(r.fidCoronal()), num(r.fidMean()),
                num(r.clipAxial()), num(r.clipSagittal()), num(r.clipCoronal()), num(r.clipMean()),
                quoted(r.extractor()), Integer.toString(r.nGenerated()), Integer.toString(r.nReference()));
    }

    /** Header and one row; an existing file is replaced only when {@code overwrite}. */
    public static void write(EvaluationResult r, Path csv, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(csv)) {
            throw new FileAlreadyExistsException(csv.toString(), null, "already exists (pass --overwrite to replace it)");
        }
        String text = String.join(",", COLUMNS) + "\n" + String.join(",", cells(r)) + "\n";
        Files.writeString(csv, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** Extractor names hold file names, which may contain commas or quotes. */
    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
