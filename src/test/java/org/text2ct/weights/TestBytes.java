package org.text2ct.weights;

import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Little-endian byte arrays and classpath fixture paths for the weights tests. */
final class TestBytes {
    private TestBytes() {
    }

    static byte[] floats(float... values) {
        ByteBuffer b = le(values.length * 4);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static byte[] longs(long... values) {
        ByteBuffer b = le(values.length * 8);
        b.asLongBuffer().put(values);
        return b.array();
    }

    static byte[] shorts(int... values) {
        ByteBuffer b = le(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    static Path fixture(String name) {
        try {
            return Path.of(TestBytes.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource fixtures/" + name, e);
        }
    }
}
