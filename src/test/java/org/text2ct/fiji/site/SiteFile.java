package org.text2ct.fiji.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.scijava.util.FileUtils;

/**
 * One file of the update site: its unversioned name as the updater records it
 * ({@code jars/api-0.36.0.jar} → {@code jars/api.jar}, scijava-common's rule, which the updater
 * uses), its updater checksum, size and timestamp (the file's modification time, yyyyMMddHHmmss UTC).
 */
record SiteFile(String name, Path source, String checksum, long size, String timestamp) {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    static SiteFile of(String folder, Path source) throws IOException {
        String name = FileUtils.stripFilenameVersion(folder + "/" + source.getFileName());
        Instant modified = Files.getLastModifiedTime(source).toInstant();
        return new SiteFile(name, source, UpdaterChecksum.of(name, source), Files.size(source), TIMESTAMP.format(modified));
    }

    /** Where the updater downloads it from, relative to the site URL. */
    String uploadedName() {
        return name + "-" + timestamp;
    }
}
