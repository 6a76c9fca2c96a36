package org.text2ct.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain values, with pickles as CPython 3.11 writes them (bytes from pickle.dumps, shown as hex). */
class RestrictedUnpicklerTest {
    private static final Path FILE = Path.of("test.pkl");

    /** Allows nothing: these pickles hold plain data only. */
    private static final RestrictedUnpickler.Host HOST = new RestrictedUnpickler.Host() {
        @Override
        public boolean allows(PickleGlobal global) {
            return false;
        }

        @Override
        public Object call(PickleGlobal function, List<Object> args) {
            throw new AssertionError("never called: no global is allowed");
        }

        @Override
        public Object persistentLoad(Object pid) {
            throw new AssertionError("never called: the pickles hold no persistent ids");
        }
    };

    /** pickle.dumps([1, -2, 300, 70000, 2**70, -2**63, 0.5, 'é', None, True, False, (1, 2), {'k': [3]}], protocol=2). */
    @Test
    void readsPlainValuesOfProtocol2() throws Exception {
        Object v = load("80025d7100284b014afeffffff4d2c014a701101008a09000000000000000040"
                + "8a080000000000000080473fe00000000000005802000000c3a971014e88894b014b028671027d7103"
                + "58010000006b71045d71054b036173652e");
        assertEquals(Arrays.asList(1L, -2L, 300L, 70000L, BigInteger.TWO.pow(70), Long.MIN_VALUE, 0.5, "é", null,
                true, false, List.of(1L, 2L), Map.of("k", List.of(3L))), v);
    }

    /** pickle.dumps({'a': 1, 'b': 'xy'}, protocol=4): FRAME, MEMOIZE and SHORT_BINUNICODE. */
    @Test
    void readsProtocol4Framing() throws Exception {
        Object v = load("80049514000000000000007d94288c0161944b018c0162948c02787994752e");
        assertEquals(Map.of("a", 1L, "b", "xy"), v);
    }

    @Test
    void reportsPositionOfMalformedInput() {
        WeightFileException e = assertThrows(WeightFileException.class, () -> load("8002" + "58ffffff7f" + "2e"));
        assertTrue(e.getMessage().contains("at byte 2 (opcode 0x58)"), e.getMessage());
        e = assertThrows(WeightFileException.class, () -> load("8002" + "63" + "6f730a" + "2e"));
        assertTrue(e.getMessage().contains("no terminating newline"), e.getMessage());
        e = assertThrows(WeightFileException.class, () -> load("8002" + "5d" + "5d" + "4b01" + "73" + "2e"));
        assertTrue(e.getMessage().contains("not a dict"), e.getMessage());
        e = assertThrows(WeightFileException.class, () -> load("8002" + "7d" + "5d" + "4b01" + "73" + "2e"));
        assertTrue(e.getMessage().contains("dict key of type ArrayList"), e.getMessage());
    }

    private static Object load(String hex) throws WeightFileException {
        return RestrictedUnpickler.load(FILE, HexFormat.of().parseHex(hex), HOST);
    }
}
