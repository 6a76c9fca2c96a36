package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A [C, S, A, B] activation kept as S planes of [C, A, B] along the split axis, so a decoder
 * stage can read any run of planes (a slab with its halo) and write its output slab by slab.
 * Implementations keep the planes in engine memory or in a scratch file.
 */
interface PlaneStore extends AutoCloseable {
    int channels();

    /** Number of planes along the split axis. */
    int planes();

    /** Plane size along the two other axes. */
    int sizeA();

    int sizeB();

    /** Planes [from, to) as a [1, C, to − from, A, B] array owned by {@code manager}. */
    NDArray read(NDManager manager, int from, int to);

    /** Writes a [1, C, n, A, B] slab at planes [from, from + n). */
    void write(int from, NDArray slab);

    long bytes();

    @Override
    void close();

    static long bytes(int channels, int planes, int a, int b) {
        return 4L * channels * planes * a * b;
    }
}
