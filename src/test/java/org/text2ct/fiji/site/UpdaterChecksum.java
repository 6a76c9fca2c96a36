package org.text2ct.fiji.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The ImageJ updater's file checksum, so Fiji sees our files as up to date. Verified against
 * imagej-updater's {@code UpdaterUtil.getDigest/getJarDigest(file, true, true, true)},
 * {@code SkipHashedLines} and {@code FilterManifest}: a jar's SHA-1 runs over its entries sorted by
 * name, each as its name (ASCII) then its bytes, where {@code .properties} entries lose their
 * '#' comment lines (the newline stays) and the manifest contributes nothing (the updater keeps
 * only lines whose upper-cased text starts with "Main-Class:", which none does). Any other file:
 * SHA-1 over its site path (ASCII) then its bytes.
 */
final class UpdaterChecksum {
    private UpdaterChecksum() {
    }

    static String of(String sitePath, Path file) throws IOException {
        MessageDigest sha1 = sha1();
        if (sitePath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(file.toFile())) {
                List<JarEntry> entries = Collections.list(jar.entries());
                entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                for (JarEntry e : entries) {
                    sha1.update(e.getName().getBytes(StandardCharsets.US_ASCII));
                    try (InputStream in = jar.getInputStream(e)) {
                        byte[] bytes = in.readAllBytes();
                        if (e.getName().equals("META-INF/MANIFEST.MF")) {
                            continue;
                        }
                        sha1.update(e.getName().endsWith(".properties") ? skipHashedLines(bytes) : bytes);
                    }
                }
            }
        } else {
            sha1.update(sitePath.getBytes(StandardCharsets.US_ASCII));
            sha1.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /**
     * The updater's SkipHashedLines state machine, including its quirk: after a comment line
     * that is only "#", the next line is not checked for '#'.
     */
    static byte[] skipHashedLines(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int[] pos = {0};
        boolean[] atLineStart = {true};
        for (int ch = read(in, pos, atLineStart); ch >= 0; ch = read(in, pos, atLineStart)) {
            out.write(ch);
        }
        return out.toByteArray();
    }

    private static int read(byte[] in, int[] pos, boolean[] atLineStart) {
        int ch = pos[0] < in.length ? in[pos[0]++] & 0xff : -1;
        if (atLineStart[0]) {
            if (ch == '#') {
                do {
                    ch = read(in, pos, atLineStart);
                } while (ch != '\n' && ch != -1);
            } else {
                atLineStart[0] = false;
            }
        } else if (ch == '\n') {
            atLineStart[0] = true;
        }
        return ch;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
