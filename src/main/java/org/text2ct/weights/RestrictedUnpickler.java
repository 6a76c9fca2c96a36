package org.text2ct.weights;

import static org.text2ct.weights.PickleOpcodes.*;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle reader that builds plain data only: dicts ({@link LinkedHashMap}), lists, tuples
 * (unmodifiable lists), strings, integers ({@link Long} or {@link BigInteger}), doubles, booleans,
 * None (null) and byte arrays. Globals are checked against the {@link Host}'s allow-list the
 * moment they are read, and calls ({@code REDUCE}) and persistent ids go to the host, so nothing
 * the file names is ever looked up or run.
 *
 * <p>Hand-written because no maintained Java library reads pickles without the ability to
 * instantiate arbitrary classes, and a pickle is a program: Python's own unpickler will run
 * {@code os.system} if a file asks it to. Memory use is bounded by the input size and nothing
 * recurses, so hostile input cannot exhaust the heap or the stack.
 */
final class RestrictedUnpickler {
    /** What a pickle may refer to beyond plain data. */
    interface Host {
        boolean allows(PickleGlobal global);

        Object call(PickleGlobal function, List<Object> args) throws WeightFileException;

        Object persistentLoad(Object pid) throws WeightFileException;
    }

    private final Path file;
    private final ByteBuffer in;
    private final Host host;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private RestrictedUnpickler(Path file, byte[] pickle, Host host) {
        this.file = file;
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
        this.host = host;
    }

    /** Reads one pickled object; {@code file} names the source in error messages. */
    static Object load(Path file, byte[] pickle, Host host) throws WeightFileException {
        return new RestrictedUnpickler(file, pickle, host).run();
    }

    private Object run() throws WeightFileException {
        while (in.hasRemaining()) {
            int at = in.position();
            int op = in.get() & 0xff;
            if (op == STOP) {
                return pop();
            }
            try {
                step(op);
            } catch (WeightFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw fail("malformed pickle at byte " + at + " (opcode 0x" + Integer.toHexString(op) + "): " + e);
            }
        }
        throw fail("pickle ends without a STOP opcode; the file is truncated");
    }

    private void step(int op) throws WeightFileException {
        switch (op) {
            case PROTO -> in.get();
            case FRAME -> bytes(8);
            case MARK -> marks.push(stack.size());
            case POP -> pop();
            case NONE -> stack.add(null);
            case NEWTRUE -> stack.add(Boolean.TRUE);
            case NEWFALSE -> stack.add(Boolean.FALSE);
            case BININT -> stack.add((long) bytes(4).getInt());
            case BININT1 -> stack.add((long) (bytes(1).get() & 0xff));
            case BININT2 -> stack.add((long) (bytes(2).getShort() & 0xffff));
            case LONG1 -> stack.add(readLong1());
            case BINFLOAT -> stack.add(bytes(8).order(ByteOrder.BIG_ENDIAN).getDouble());
            case SHORT_BINUNICODE -> stack.add(string(bytes(1).get() & 0xff));
            case BINUNICODE -> stack.add(string(bytes(4).getInt() & 0xffffffffL));
            case BINUNICODE8 -> stack.add(string(bytes(8).getLong()));
            case SHORT_BINBYTES -> stack.add(byteArray(bytes(1).get() & 0xff));
            case BINBYTES -> stack.add(byteArray(bytes(4).getInt() & 0xffffffffL));
            case EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case EMPTY_LIST -> stack.add(new ArrayList<>());
            case EMPTY_TUPLE -> stack.add(List.of());
            case TUPLE -> stack.add(tuple(popMark()));
            case TUPLE1 -> stack.add(tuple(popN(1)));
            case TUPLE2 -> stack.add(tuple(popN(2)));
            case TUPLE3 -> stack.add(tuple(popN(3)));
            case LIST -> stack.add(new ArrayList<>(popMark()));
            case DICT -> stack.add(putAll(new LinkedHashMap<>(), popMark()));
            case APPEND -> listOnTop(1).add(pop());
            case APPENDS -> {
                List<Object> items = popMark();
                listOnTop(0).addAll(items);
            }
            case SETITEM -> putAll(dictOnTop(2), popN(2));
            case SETITEMS -> {
                List<Object> items = popMark();
                putAll(dictOnTop(0), items);
            }
            case GLOBAL -> stack.add(global(line(), line()));
            case STACK_GLOBAL -> {
                List<Object> names = popN(2);
                stack.add(global(text(names.get(0)), text(names.get(1))));
            }
            case REDUCE -> {
                Object args = pop();
                Object function = pop();
                if (!(function instanceof PickleGlobal g) || !(args instanceof List<?> a)) {
                    throw fail("REDUCE needs a global and an argument tuple");
                }
                stack.add(host.call(g, Collections.unmodifiableList(a)));
            }
            case BUILD -> build();
            case BINPERSID -> stack.add(host.persistentLoad(pop()));
            case BINPUT -> memo.put((long) (bytes(1).get() & 0xff), peek());
            case LONG_BINPUT -> memo.put(bytes(4).getInt() & 0xffffffffL, peek());
            case MEMOIZE -> memo.put((long) memo.size(), peek());
            case BINGET -> stack.add(memoGet(bytes(1).get() & 0xff));
            case LONG_BINGET -> stack.add(memoGet(bytes(4).getInt() & 0xffffffffL));
            default -> throw fail("unsupported pickle opcode 0x" + Integer.toHexString(op) + " at byte "
                    + (in.position() - 1) + "; this reader accepts only what torch.save writes");
        }
    }

    private PickleGlobal global(String module, String name) throws WeightFileException {
        PickleGlobal g = new PickleGlobal(module, name);
        if (!host.allows(g)) {
            throw fail("the pickle refers to " + g + ", which is not a tensor-rebuilding class this reader accepts;"
                    + " the file may be malicious and was not loaded (nothing in it was run)");
        }
        return g;
    }

    /** BUILD sets instance state; only dicts get it (an OrderedDict's {@code _metadata}), and it carries no tensors. */
    private void build() throws WeightFileException {
        pop();
        if (!(peek() instanceof Map)) {
            throw fail("BUILD on something other than a dict is not supported");
        }
    }

    private Object readLong1() {
        byte[] b = new byte[bytes(1).get() & 0xff];
        bytes(b.length).get(b);
        if (b.length == 0) {
            return 0L;
        }
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        BigInteger v = new BigInteger(b);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    /** The next {@code n} bytes as a little-endian view; fails cleanly when the pickle is shorter. */
    private ByteBuffer bytes(long n) {
        if (n < 0 || n > in.remaining()) {
            throw new IllegalStateException("needs " + Long.toUnsignedString(n) + " bytes, only " + in.remaining() + " left");
        }
        ByteBuffer view = in.slice(in.position(), (int) n).order(ByteOrder.LITTLE_ENDIAN);
        in.position(in.position() + (int) n);
        return view;
    }

    private String string(long n) {
        return StandardCharsets.UTF_8.decode(bytes(n)).toString();
    }

    private byte[] byteArray(long n) {
        ByteBuffer view = bytes(n);
        byte[] b = new byte[view.remaining()];
        view.get(b);
        return b;
    }

    /** A text line as the GLOBAL opcode writes it, without its newline. */
    private String line() {
        int start = in.position();
        while (in.get() != '\n') {
            // scan; running off the end throws BufferUnderflowException, reported as malformed
        }
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.UTF_8);
    }

    private Object memoGet(long key) throws WeightFileException {
        if (!memo.containsKey(key)) {
            throw fail("pickle reads memo slot " + key + " before writing it");
        }
        return memo.get(key);
    }

    private Object pop() throws WeightFileException {
        if (stack.isEmpty() || (!marks.isEmpty() && stack.size() <= marks.peek())) {
            throw fail("pickle pops from an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws WeightFileException {
        if (stack.isEmpty()) {
            throw fail("pickle reads an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) throws WeightFileException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return Arrays.asList(items);
    }

    private List<Object> popMark() throws WeightFileException {
        if (marks.isEmpty()) {
            throw fail("pickle uses a MARK it never set");
        }
        List<Object> top = stack.subList(marks.pop(), stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOnTop(int depth) throws WeightFileException {
        Object o = stack.size() > depth ? stack.get(stack.size() - 1 - depth) : null;
        if (!(o instanceof ArrayList)) {
            throw fail("APPEND to something that is not a list");
        }
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop(int depth) throws WeightFileException {
        Object o = stack.size() > depth ? stack.get(stack.size() - 1 - depth) : null;
        if (!(o instanceof LinkedHashMap)) {
            throw fail("SETITEM on something that is not a dict");
        }
        return (Map<Object, Object>) o;
    }

    /** Keys must be plain values: hashing a deeply nested key could overflow the stack. */
    private Map<Object, Object> putAll(Map<Object, Object> dict, List<Object> keysAndValues) throws WeightFileException {
        if (keysAndValues.size() % 2 != 0) {
            throw fail("dict items come in an odd number");
        }
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            Object key = keysAndValues.get(i);
            if (!(key == null || key instanceof String || key instanceof Number || key instanceof Boolean)) {
                throw fail("dict key of type " + key.getClass().getSimpleName() + " is not supported");
            }
            dict.put(key, keysAndValues.get(i + 1));
        }
        return dict;
    }

    private static String text(Object o) {
        if (!(o instanceof String s)) {
            throw new IllegalStateException("STACK_GLOBAL needs two strings");
        }
        return s;
    }

    private WeightFileException fail(String problem) {
        return new WeightFileException(file, problem);
    }
}
