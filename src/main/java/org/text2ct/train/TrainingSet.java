package org.text2ct.train;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.text2ct.volume.VolumeFiles;

/**
 * A training folder: volumes (NIfTI or any format {@link VolumeFiles} reads) listed with their
 * reports in {@code reports.json} (case_id, file, sections {description, demographics, findings,
 * impressions}, optional augmented paraphrases) — what {@code make-phantoms} writes and what a
 * lab prepares from its own data. All volumes must have one size (preprocess them first).
 */
public record TrainingSet(Path dir, List<TrainingCase> cases, List<TrainingVolume> volumes) {
    public static final String REPORTS = "reports.json";
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    public static TrainingSet load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new TrainingDataException("training data folder " + dir + " does not exist");
        }
        Path reports = dir.resolve(REPORTS);
        if (!Files.isRegularFile(reports)) {
            throw new TrainingDataException("no " + REPORTS + " in " + dir + ": list each volume's case_id, file and"
                    + " report sections there (make-phantoms writes one)");
        }
        List<TrainingCase> cases = parse(reports);
        if (cases.isEmpty()) {
            throw new TrainingDataException(reports + " lists no cases");
        }
        List<TrainingVolume> volumes = new ArrayList<>();
        for (TrainingCase c : cases) {
            if (c.file() == null || c.sections() == null) {
                throw new TrainingDataException(reports + ": case " + c.caseId() + " needs both file and sections");
            }
            Path f = dir.resolve(c.file());
            if (!Files.isRegularFile(f)) {
                throw new TrainingDataException(reports + " lists " + c.file() + " but " + f + " does not exist");
            }
            TrainingVolume v = TrainingVolume.of(c.caseId(), VolumeFiles.read(f));
            if (!volumes.isEmpty() && !Arrays.equals(v.size(), volumes.get(0).size())) {
                throw new TrainingDataException("size mismatch: " + c.file() + " is " + sizeText(v.size()) + " but "
                        + cases.get(0).file() + " is " + sizeText(volumes.get(0).size())
                        + "; resample all volumes to one size first (text2ct preprocess)");
            }
            volumes.add(v);
        }
        return new TrainingSet(dir, List.copyOf(cases), List.copyOf(volumes));
    }

    public int[] size() {
        return volumes.get(0).size();
    }

    public double[] spacing() {
        return volumes.get(0).spacing();
    }

    static String sizeText(int[] s) {
        return s[0] + "×" + s[1] + "×" + s[2];
    }

    private static List<TrainingCase> parse(Path reports) throws IOException {
        try {
            List<TrainingCase> cases = GSON.fromJson(Files.readString(reports, StandardCharsets.UTF_8),
                    new TypeToken<List<TrainingCase>>() { }.getType());
            return cases == null ? List.of() : cases;
        } catch (JsonParseException | IllegalStateException e) {
            throw new TrainingDataException(reports + " is not a JSON list of cases: " + e.getMessage());
        }
    }
}
