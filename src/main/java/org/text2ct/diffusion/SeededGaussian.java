package org.text2ct.diffusion;

/**
 * Deterministic standard-normal floats from a 64-bit seed, the same on every JVM and machine: SplitMix64
 * bits (Steele, Lea and Flood 2014) and Marsaglia's polar method, using only IEEE-exact arithmetic and
 * {@link StrictMath#log}. It does not depend on java.util.Random or on any engine's generator, so a seed
 * names one noise tensor for good. One instance is one stream (not thread-safe): successive
 * {@link #next} calls continue it, so {@code noise(seed, a + b)} equals {@code next(a)} then {@code next(b)}.
 */
public final class SeededGaussian implements NoiseSource {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spare;
    private boolean hasSpare;

    public SeededGaussian(long seed) {
        this.state = seed;
    }

    /** The first {@code n} values of the stream for {@code seed}. */
    public static float[] noise(long seed, int n) {
        return new SeededGaussian(seed).next(n);
    }

    @Override
    public float[] next(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("noise length must not be negative, got " + n);
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) nextGaussian();
        }
        return out;
    }

    /** Polar method: each accepted point of the unit disc gives two independent normals. */
    private double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    private double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private long nextLong() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
