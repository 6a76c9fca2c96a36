package org.text2ct.weights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a zip laid out like torch.save's: {@code archive/data.pkl}, {@code archive/data/<key>}, stored uncompressed. */
final class PtZipBuilder {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Integer> methods = new LinkedHashMap<>();

    PtZipBuilder pickle(byte[] pickle) {
        return entry("archive/data.pkl", pickle);
    }

    PtZipBuilder storage(String key, byte[] bytes) {
        return entry("archive/data/" + key, bytes);
    }

    PtZipBuilder entry(String name, byte[] bytes) {
        entries.put(name, bytes);
        methods.put(name, ZipEntry.STORED);
        return this;
    }

    PtZipBuilder deflated(String name, byte[] bytes) {
        entries.put(name, bytes);
        methods.put(name, ZipEntry.DEFLATED);
        return this;
    }

    Path write(Path file) throws IOException {
        entry("archive/version", "3\n".getBytes());
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setMethod(methods.get(e.getKey()));
                if (z.getMethod() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    z.setSize(e.getValue().length);
                    z.setCompressedSize(e.getValue().length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
