package org.text2ct.fiji;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A throw-away ImageJ1 installation for macro tests: the plugin jar built from the compiled
 * classes (with plugins.config at its root, as {@code mvn package} builds it) in
 * {@code DIR/plugins}, the runtime jars from the test class path, and a chosen {@code ij.jar},
 * run under Xvfb with a time limit.
 */
final class ImageJInstall {
    final Path dir;

    private ImageJInstall(Path dir) {
        this.dir = dir;
    }

    static ImageJInstall create(Path dir) throws IOException, URISyntaxException {
        Path classes = Path.of(GenerateCtPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("plugins").resolve("Text2CT_-test.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
            }
        }
        return new ImageJInstall(dir);
    }

    /** The test's runtime jars, with {@code ijJar} in place of the ImageJ it was compiled against. */
    static String classPath(Path ijJar) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        entries.add(ijJar.toString());
        for (String e : cp.split(java.io.File.pathSeparator)) {
            boolean imagej = e.contains("/net/imagej/ij/");
            if (e.endsWith(".jar") && !imagej) {
                entries.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Runs a macro in ImageJ's GUI under Xvfb; returns the console output. */
    String runMacro(Path ijJar, Path macro, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = dir.resolve("console.txt");
        Process p = new ProcessBuilder("timeout", Integer.toString(timeoutSeconds), "xvfb-run", "-a",
                "-s", "-screen 0 1280x1024x24", "java", "-Xmx3g",
                "-Dtext2ct.cache.dir=" + System.getProperty("text2ct.cache.dir", dir.resolve("cache").toString()),
                "-cp", classPath(ijJar), "ij.ImageJ", "-ijpath", dir.toString(), "-macro", macro.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return Files.readString(log);
    }

    static boolean xvfbAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/xvfb-run"));
    }
}
