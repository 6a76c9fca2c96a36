package org.text2ct.fiji.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an ImageJ update site from the build's {@code target/fiji/} folder: {@code db.xml.gz}
 * (the format imagej-updater's XMLFileWriter writes and XMLFileReader reads) and each file under
 * its timestamped name ({@code plugins/Text2CT_.jar-20261125200102}). The plugin jar depends on
 * every jar in {@code jars/}, so the updater installs them together. Run by the build in the
 * package phase: {@code UpdateSiteWriter <fiji dir> <site dir>}.
 */
public final class UpdateSiteWriter {
    static final String DESCRIPTION = "Text2CT: synthesise 3D chest CT from radiology text (latent diffusion), "
            + "with FID/CLIP evaluation. Menus under Plugins > Text2CT.";

    private UpdateSiteWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: UpdateSiteWriter <fiji dir> <site dir>");
        }
        write(Path.of(args[0]), Path.of(args[1]));
    }

    static void write(Path fijiDir, Path siteDir) throws IOException {
        List<SiteFile> plugins = collect(fijiDir, "plugins");
        List<SiteFile> jars = collect(fijiDir, "jars");
        if (plugins.isEmpty()) {
            throw new IOException(fijiDir.resolve("plugins") + " has no jar: run mvn package first");
        }
        for (SiteFile f : concat(plugins, jars)) {
            Path target = siteDir.resolve(f.uploadedName());
            Files.createDirectories(target.getParent());
            Files.copy(f.source(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(siteDir.resolve("db.xml.gz")));
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n");
            for (SiteFile p : plugins) {
                writePlugin(w, p, jars, DESCRIPTION);
            }
            for (SiteFile j : jars) {
                writePlugin(w, j, List.of(), null);
            }
            w.write("</pluginRecords>\n");
        }
    }

    private static void writePlugin(Writer w, SiteFile f, List<SiteFile> dependencies, String description)
            throws IOException {
        w.write("  <plugin filename=\"" + Xml.escape(f.name()) + "\">\n");
        w.write("    <version checksum=\"" + f.checksum() + "\" timestamp=\"" + f.timestamp() + "\" filesize=\""
                + f.size() + "\">\n");
        if (description != null) {
            w.write("      <description>" + Xml.escape(description) + "</description>\n");
        }
        for (SiteFile d : dependencies) {
            w.write("      <dependency filename=\"" + Xml.escape(d.name()) + "\" timestamp=\"" + d.timestamp() + "\"/>\n");
        }
        w.write("    </version>\n  </plugin>\n");
    }

    private static List<SiteFile> collect(Path fijiDir, String folder) throws IOException {
        List<SiteFile> files = new ArrayList<>();
        Path dir = fijiDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path p : jars) {
                files.add(SiteFile.of(folder, p));
            }
        }
        files.sort((a, b) -> a.name().compareTo(b.name()));
        return files;
    }

    private static List<SiteFile> concat(List<SiteFile> a, List<SiteFile> b) {
        List<SiteFile> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
