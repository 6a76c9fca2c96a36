package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.pipeline.TinyModelPackage;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.VolumeFiles;

/** {@code generate} as a user runs it, on the tiny test model package. */
class GenerateCommandTest {
    @TempDir
    static Path shared;
    static Path model;

    @BeforeAll
    static void writePackage() throws Exception {
        model = TinyModelPackage.write(shared.resolve("tiny")).directory();
    }

    private static VerifyCommandTest.Run generate(String... extra) {
        String[] base = {"generate", "--model", model.toString(), "--steps", "2"};
        return VerifyCommandTest.run(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void writesAFloatNiftiInHuWithSpacingAndMetadata(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nodule.nii.gz");
        VerifyCommandTest.Run r = generate("--prompt", "left lower lobe nodule", "--seed", "42", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        CtVolume v = VolumeFiles.read(out);
        assertArrayEquals(TinyModelPackage.SIZE, v.size());
        assertArrayEquals(TinyModelPackage.SPACING, v.spacing(), 1e-6);
        assertEquals("RAS", v.orientationCode());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int z = 0; z < v.nz(); z++) {
            for (float f : v.plane(z)) {
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
        }
        assertTrue(min >= -1000f && max <= 1000f && max > min, min + ".." + max);
        byte[] raw = new java.util.zip.GZIPInputStream(Files.newInputStream(out)).readAllBytes();
        String header = new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("Text2CT seed=42 steps=2"), "description in the header");
        assertTrue(header.contains("\"prompt\":\"left lower lobe nodule\""), "prompt in the JSON extension");
    }

    @Test
    void neverOverwritesWithoutBeingTold(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.nii.gz");
        Files.writeString(out, "user data");
        VerifyCommandTest.Run r = generate("--prompt", "normal chest", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--overwrite"), r.err());
        assertEquals("user data", Files.readString(out));
    }

    @Test
    void batchFromCsvGivesEachVolumeItsSeed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("prompts.csv");
        Files.writeString(csv, "prompt,seed\n\"right pleural effusion, small\",7\nnormal chest,\n");
        VerifyCommandTest.Run r = generate("--prompts", csv.toString(), "--seed", "100", "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("001_right-pleural-effusion-small_seed7.nii.gz", "002_normal-chest_seed101.nii.gz"), names);
        }
    }

    @Test
    void invalidArgumentsGetOneClearLine(@TempDir Path dir) {
        String out = dir.resolve("o.nii.gz").toString();
        assertError(generate("--prompt", "x", "--size", "30,32,32", "--out", out), "multiple of 16");
        assertError(generate("--prompt", " ", "--out", out), "prompt is empty");
        assertError(generate("--prompt", "x", "--device", "tpu", "--out", out), "unknown device");
        assertError(VerifyCommandTest.run("generate", "--model", dir.resolve("none").toString(), "--prompt", "x",
                "--out", out), "none");
    }

    private static void assertError(VerifyCommandTest.Run r, String expected) {
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
