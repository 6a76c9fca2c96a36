package org.text2ct.diffusion;

/** Rounding a double to the nearest IEEE half-precision value (ties to even), as numpy's astype(float16). */
final class Float16 {
    private static final int MIN_NORMAL_EXPONENT = -14;
    private static final int SIGNIFICAND_BITS = 10;

    private Float16() {
    }

    static double round(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        int exponent = Math.max(Math.getExponent(x), MIN_NORMAL_EXPONENT);
        double ulp = Math.scalb(1.0, exponent - SIGNIFICAND_BITS);
        double rounded = Math.rint(x / ulp) * ulp;
        return Math.abs(rounded) > 65504 ? Math.copySign(Double.POSITIVE_INFINITY, x) : rounded;
    }
}
