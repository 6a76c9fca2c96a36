package org.text2ct.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are numpy's {@code float(np.float16(x))}. */
class Float16Test {
    @ParameterizedTest
    @CsvSource({
        "988.307453, 988.5",
        "1000.0, 1000.0",
        "2049.0, 2048.0",
        "2051.0, 2052.0",
        "0.1, 0.0999755859375",
        "1e-06, 1.0132789611816406e-06",
        "1e-08, 0.0",
        "719.99, 720.0",
        "-719.99, -720.0",
        "65519.0, 65504.0",
        "65520.0, Infinity",
    })
    void roundsLikeNumpy(double x, double expected) {
        assertEquals(expected, Float16.round(x));
    }
}
