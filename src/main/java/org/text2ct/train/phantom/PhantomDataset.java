package org.text2ct.train.phantom;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.text2ct.text.ReportSections;
import org.text2ct.text.SectionParaphrases;

/**
 * Writes a training set of N phantoms: each volume through a {@link VolumeSink}, and in the folder
 * {@code reports.json} (case_id, file, sections, augmented paraphrases, labels) and
 * {@code reports.csv} (case_id, file, report). Case i is the same for a given seed however many
 * cases are written.
 */
public final class PhantomDataset {

    public static final String REPORTS_JSON = "reports.json";
    public static final String REPORTS_CSV = "reports.csv";

    /**
     * One line of reports.json.
     *
     * @param twin the case that shows the same patient with its findings on the other side, or null
     */
    public record Entry(String caseId, String file, ReportSections sections, SectionParaphrases augmented,
                        PhantomLabels labels, String twin) { }

    static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    private PhantomDataset() {
    }

    public static List<Entry> write(Path dir, int count, long seed, PhantomGrid grid, VolumeSink sink,
                                    IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        return write(dir, count, seed, false, grid, sink, progress, cancelled);
    }

    /**
     * @param mirrorPairs write cases in twins 2k, 2k+1: one patient (same anatomy, same report
     *        phrasing) with its sided findings once as drawn and once on the other side, so that a
     *        model sees left and right differ in nothing but the finding and the word
     */
    public static List<Entry> write(Path dir, int count, long seed, boolean mirrorPairs, PhantomGrid grid,
                                    VolumeSink sink, IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("case count must be >= 1, got " + count);
        }
        if (mirrorPairs && count % 2 != 0) {
            throw new IllegalArgumentException(
                    "mirrored pairs write each patient twice, so the case count must be even, got " + count);
        }
        Files.createDirectories(dir);
        List<Entry> entries = new ArrayList<>();
        SplittableRandom master = new SplittableRandom(seed);
        CaseWriter w = new CaseWriter(count, grid, sink, progress, cancelled, entries);
        while (entries.size() < count) {
            SplittableRandom rng = new SplittableRandom(master.nextLong());
            if (mirrorPairs) {
                PhantomLabels labels = CaseSampler.sampleMirrorable(rng);
                long reportSeed = rng.nextLong();
                long phantomSeed = rng.nextLong();
                int first = entries.size();
                w.add(labels, ReportWriter.write(labels, new SplittableRandom(reportSeed)), phantomSeed,
                        caseId(first + 1));
                PhantomLabels mirror = labels.mirrored();
                w.add(mirror, ReportWriter.write(mirror, new SplittableRandom(reportSeed)), phantomSeed, caseId(first));
            } else {
                PhantomLabels labels = CaseSampler.sample(rng);
                PhantomReport report = ReportWriter.write(labels, rng);
                w.add(labels, report, rng.nextLong(), null);
            }
        }
        Files.writeString(dir.resolve(REPORTS_JSON), GSON.toJson(entries), StandardCharsets.UTF_8);
        writeCsv(dir.resolve(REPORTS_CSV), entries);
        return entries;
    }

    private static String caseId(int i) {
        return String.format("phantom_%05d", i);
    }

    /** Paints, writes and lists one case after another, honouring cancel between cases. */
    private record CaseWriter(int count, PhantomGrid grid, VolumeSink sink, IntConsumer progress,
                              BooleanSupplier cancelled, List<Entry> entries) {
        void add(PhantomLabels labels, PhantomReport report, long phantomSeed, String twin) throws IOException {
            int i = entries.size();
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled after " + i + " of " + count + " cases");
            }
            String caseId = caseId(i);
            Phantom p = PhantomGenerator.generate(labels, grid, phantomSeed);
            sink.write(caseId, p.hu(), grid.nx(), grid.ny(), grid.nz(), grid.spacing());
            entries.add(new Entry(caseId, sink.fileName(caseId), report.sections(), report.paraphrases(), labels, twin));
            progress.accept(i + 1);
        }
    }

    private static void writeCsv(Path file, List<Entry> entries) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("case_id,file,report\n");
            for (Entry e : entries) {
                w.write(csv(e.caseId()) + "," + csv(e.file()) + "," + csv(e.sections().asReportText()) + "\n");
            }
        }
    }

    /** RFC 4180 quoting: always quoted, inner quotes doubled. */
    static String csv(String field) {
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
