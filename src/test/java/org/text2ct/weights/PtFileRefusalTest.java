package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malicious and damaged .pt files: each is refused with a WeightFileException naming the problem. */
class PtFileRefusalTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"os, system", "posix, system", "builtins, eval", "subprocess, Popen", "torch, load"})
    void refusesGlobalsOutsideTheAllowList(String module, String name) throws Exception {
        Path marker = dir.resolve("pwned");
        byte[] pickle = new PickleBuilder().proto().global(module, name)
                .mark().str("touch " + marker).tuple().reduce().stop().bytes();
        Path file = new PtZipBuilder().pickle(pickle).write(dir.resolve("evil.pt"));

        WeightFileException e = assertThrows(WeightFileException.class, () -> PtFile.load(file));
        assertTrue(e.getMessage().contains(module + "." + name), e.getMessage());
        assertTrue(e.getMessage().contains("malicious"), e.getMessage());
        assertTrue(e.getMessage().contains("evil.pt"), e.getMessage());
        assertFalse(Files.exists(marker), "the command must never run");
    }

    @Test
    void refusesStackGlobalOutsideTheAllowList() throws Exception {
        byte[] pickle = new PickleBuilder().proto().str("builtins").str("exec").op(0x93).stop().bytes();
        assertRefused(new PtZipBuilder().pickle(pickle), "builtins.exec");
    }

    @Test
    void refusesCallingAStorageType() throws Exception {
        byte[] pickle = new PickleBuilder().proto().global("torch", "FloatStorage").emptyTuple().reduce().stop().bytes();
        assertRefused(new PtZipBuilder().pickle(pickle), "torch.FloatStorage is a type");
    }

    @Test
    void refusesStorageMissingFromArchive() throws Exception {
        assertRefused(new PtZipBuilder().pickle(oneTensor(4, 0, 4, 1)), "has no archive/data/0");
    }

    @Test
    void refusesStorageShorterThanItsElementCount() throws Exception {
        assertRefused(new PtZipBuilder().pickle(oneTensor(4, 0, 4, 1)).storage("0", TestBytes.floats(1, 2)),
                "needs 16 bytes");
    }

    @Test
    void refusesViewReachingPastItsStorage() throws Exception {
        assertRefused(new PtZipBuilder().pickle(oneTensor(4, 2, 3, 1)).storage("0", TestBytes.floats(1, 2, 3, 4)),
                "reaches past its storage");
    }

    @Test
    void refusesExpandedView() throws Exception {
        assertRefused(new PtZipBuilder().pickle(oneTensor(1, 0, 1000, 0)).storage("0", TestBytes.floats(1)),
                "stride-0");
    }

    @Test
    void refusesTensorOver2GB() throws Exception {
        assertRefused(new PtZipBuilder().pickle(oneTensor(4, 0, 1 << 30, 1)).storage("0", TestBytes.floats(1, 2, 3, 4)),
                "2 GB");
    }

    @Test
    void refusesCompressedStorage() throws Exception {
        assertRefused(new PtZipBuilder().pickle(oneTensor(4, 0, 4, 1)).deflated("archive/data/0", new byte[16]),
                "compressed");
    }

    @Test
    void refusesBigEndianArchive() throws Exception {
        assertRefused(new PtZipBuilder().pickle(oneTensor(1, 0, 1, 1)).storage("0", new byte[4])
                .entry("archive/byteorder", "big".getBytes(StandardCharsets.US_ASCII)), "'big' byte order");
    }

    @Test
    void refusesPickleWithoutStop() throws Exception {
        assertRefused(new PtZipBuilder().pickle(new PickleBuilder().proto().emptyDict().bytes()), "without a STOP");
    }

    @Test
    void refusesUnknownOpcode() throws Exception {
        assertRefused(new PtZipBuilder().pickle(new PickleBuilder().proto().op('i').stop().bytes()), "opcode 0x69");
    }

    @Test
    void refusesMemoReadBeforeWrite() throws Exception {
        assertRefused(new PtZipBuilder().pickle(new PickleBuilder().proto().op('h').op(3).stop().bytes()), "memo slot 3");
    }

    @Test
    void refusesNonDictTopLevel() throws Exception {
        assertRefused(new PtZipBuilder().pickle(new PickleBuilder().proto().integer(5).stop().bytes()), "not a dict");
    }

    @Test
    void refusesArchiveWithoutDataPkl() throws Exception {
        assertRefused(new PtZipBuilder().entry("archive/other", new byte[3]), "data.pkl");
    }

    @Test
    void refusesLegacyFormat() throws Exception {
        Path file = Files.write(dir.resolve("old.pt"), new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
        assertMessage(file, "legacy");
    }

    @Test
    void refusesNonZipAndEmptyFiles() throws Exception {
        assertMessage(Files.write(dir.resolve("text.pt"), "hello world".getBytes()), "zip archive");
        assertMessage(Files.write(dir.resolve("empty.pt"), new byte[0]), "zip archive");
        assertMessage(Files.write(dir.resolve("pk.pt"), "PK\u0003\u0004 broken".getBytes()), "zip");
    }

    /** Random damage to a valid archive must end in a result or a WeightFileException, never another throwable. */
    @Test
    void survivesRandomDamage() throws Exception {
        byte[] good = Files.readAllBytes(TestBytes.fixture("pt/state_dict.pt"));
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] bad = round % 3 == 0 ? Arrays.copyOf(good, random.nextInt(good.length)) : good.clone();
            for (int flips = 0; round % 3 != 0 && flips < 1 + random.nextInt(4); flips++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            Path file = Files.write(dir.resolve("damaged" + round + ".pt"), bad);
            try {
                PtFile.load(file);
            } catch (WeightFileException expected) {
                assertTrue(expected.getMessage().contains(file.getFileName().toString()), expected.getMessage());
            } catch (Throwable t) {
                fail("round " + round + " threw " + t, t);
            }
        }
    }

    /** Random damage to the pickle alone reaches deeper into the unpickler than damage to the zip. */
    @Test
    void survivesRandomPickleDamage() throws Exception {
        Path fixture = TestBytes.fixture("pt/state_dict.pt");
        byte[] pickle;
        try (ZipFile zip = new ZipFile(fixture.toFile())) {
            pickle = zip.getInputStream(zip.getEntry("state_dict/data.pkl")).readAllBytes();
        }
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            byte[] bad = pickle.clone();
            for (int flips = 0; flips < 1 + random.nextInt(3); flips++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            PtZipBuilder archive = new PtZipBuilder().pickle(bad);
            for (int key = 0; key < 8; key++) {
                archive.storage(String.valueOf(key), new byte[64]);
            }
            Path file = archive.write(dir.resolve("pickle" + round + ".pt"));
            try {
                PtFile.load(file);
            } catch (WeightFileException expected) {
                assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
            } catch (Throwable t) {
                fail("round " + round + " threw " + t, t);
            }
        }
    }

    private static byte[] oneTensor(int storageNumel, int offset, long size, long stride) {
        return new PickleBuilder().proto().emptyDict()
                .str("x").tensor("FloatStorage", "0", storageNumel, offset, new long[] {size}, new long[] {stride})
                .setitem().stop().bytes();
    }

    private void assertRefused(PtZipBuilder archive, String expected) throws IOException {
        assertMessage(archive.write(dir.resolve("bad.pt")), expected);
    }

    private static void assertMessage(Path file, String expected) {
        WeightFileException e = assertThrows(WeightFileException.class, () -> PtFile.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
