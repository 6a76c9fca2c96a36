package org.text2ct.weights;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The operand bytes of pickle opcodes. Every read is bounds-checked against what is left, so a
 * length field claiming gigabytes fails with {@link IllegalStateException} before anything is
 * allocated.
 */
final class PickleInput {
    private final ByteBuffer in;

    PickleInput(byte[] pickle) {
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean hasMore() {
        return in.hasRemaining();
    }

    int position() {
        return in.position();
    }

    int u8() {
        return bytes(1).get() & 0xff;
    }

    int u16() {
        return bytes(2).getShort() & 0xffff;
    }

    int i32() {
        return bytes(4).getInt();
    }

    long u32() {
        return i32() & 0xffffffffL;
    }

    long i64() {
        return bytes(8).getLong();
    }

    /** BINFLOAT is the one big-endian operand. */
    double float64() {
        return bytes(8).order(ByteOrder.BIG_ENDIAN).getDouble();
    }

    String string(long n) {
        return StandardCharsets.UTF_8.decode(bytes(n)).toString();
    }

    byte[] byteArray(long n) {
        ByteBuffer view = bytes(n);
        byte[] b = new byte[view.remaining()];
        view.get(b);
        return b;
    }

    /** LONG1's operand: a little-endian two's-complement integer of up to 255 bytes. */
    Object long1() {
        ByteBuffer le = bytes(u8());
        if (!le.hasRemaining()) {
            return 0L;
        }
        byte[] bigEndian = new byte[le.remaining()];
        for (int i = 0; i < bigEndian.length; i++) {
            bigEndian[bigEndian.length - 1 - i] = le.get(i);
        }
        BigInteger v = new BigInteger(bigEndian);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    /** A text line as the GLOBAL opcode writes it, without its newline. */
    String line() {
        int start = in.position();
        int end = start;
        while (end < in.limit() && in.get(end) != '\n') {
            end++;
        }
        if (end == in.limit()) {
            throw new IllegalStateException("GLOBAL name has no terminating newline");
        }
        in.position(end + 1);
        return new String(in.array(), start, end - start, StandardCharsets.UTF_8);
    }

    /** The next {@code n} bytes as a little-endian view. */
    ByteBuffer bytes(long n) {
        if (n < 0 || n > in.remaining()) {
            throw new IllegalStateException("needs " + Long.toUnsignedString(n) + " bytes, only " + in.remaining() + " left");
        }
        ByteBuffer view = in.slice(in.position(), (int) n).order(ByteOrder.LITTLE_ENDIAN);
        in.position(in.position() + (int) n);
        return view;
    }
}
