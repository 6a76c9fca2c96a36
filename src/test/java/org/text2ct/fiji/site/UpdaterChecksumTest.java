package org.text2ct.fiji.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdaterChecksumTest {
    @TempDir
    Path dir;

    static Path jar(Path file, String buildBy, String properties, String text) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Built-By", buildBy);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new JarEntry("b.txt"));
            jar.write(text.getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("a.properties"));
            jar.write(properties.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jarChecksumCoversSortedEntriesWithoutManifestOrPropertyComments() throws Exception {
        Path a = jar(dir.resolve("a.jar"), "alice", "#Wed Nov 25 2026\nx=1\n", "hello");
        String expected = sha1("META-INF/MANIFEST.MF" + "a.properties" + "\nx=1\n" + "b.txt" + "hello");
        assertEquals(expected, UpdaterChecksum.of("jars/a.jar", a));
        // A rebuild by someone else on another day is the same file to the updater...
        Path b = jar(dir.resolve("b.jar"), "bob", "#Thu Nov 26 2026\nx=1\n", "hello");
        assertEquals(expected, UpdaterChecksum.of("jars/a.jar", b));
        // ...but changed content is not.
        Path c = jar(dir.resolve("c.jar"), "alice", "#Wed Nov 25 2026\nx=2\n", "hello");
        assertNotEquals(expected, UpdaterChecksum.of("jars/a.jar", c));
    }

    @Test
    void otherFilesHashTheirSitePathThenTheirBytes() throws Exception {
        Path f = Files.writeString(dir.resolve("x.txt"), "data");
        assertEquals(sha1("macros/x.txt" + "data"), UpdaterChecksum.of("macros/x.txt", f));
    }

    @Test
    void commentSkippingFollowsTheUpdatersStateMachine() {
        assertEquals("\nx=1\n", ascii(UpdaterChecksum.skipHashedLines(bytes("#c1\nx=1\n"))));
        assertEquals("\n\ny\n", ascii(UpdaterChecksum.skipHashedLines(bytes("##c\n#d\ny\n"))));
        // The updater's quirk: after a bare "#" line the next line is not checked.
        assertEquals("\n#x\ny\n", ascii(UpdaterChecksum.skipHashedLines(bytes("#\n#x\ny\n"))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
