package org.text2ct.weights;

import static org.text2ct.weights.PickleOpcodes.*;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
    private final PickleInput in;
    private final Host host;
    private final PickleStack stack = new PickleStack();

    private RestrictedUnpickler(Path file, byte[] pickle, Host host) {
        this.file = file;
        this.in = new PickleInput(pickle);
        this.host = host;
    }

    /** Reads one pickled object; {@code file} names the source in error messages. */
    static Object load(Path file, byte[] pickle, Host host) throws WeightFileException {
        return new RestrictedUnpickler(file, pickle, host).run();
    }

    private Object run() throws WeightFileException {
        while (in.hasMore()) {
            int at = in.position();
            int op = in.u8();
            try {
                if (op == STOP) {
                    return stack.pop();
                }
                step(op);
            } catch (RuntimeException e) {
                String why = e instanceof IllegalStateException ? e.getMessage() : e.toString();
                throw fail("malformed pickle at byte " + at + " (opcode 0x" + Integer.toHexString(op) + "): " + why);
            }
        }
        throw fail("pickle ends without a STOP opcode; the file is truncated");
    }

    private void step(int op) throws WeightFileException {
        switch (op) {
            case PROTO -> in.u8();
            case FRAME -> in.i64();
            case MARK -> stack.mark();
            case POP -> stack.pop();
            case NONE -> stack.push(null);
            case NEWTRUE -> stack.push(Boolean.TRUE);
            case NEWFALSE -> stack.push(Boolean.FALSE);
            case BININT -> stack.push((long) in.i32());
            case BININT1 -> stack.push((long) in.u8());
            case BININT2 -> stack.push((long) in.u16());
            case LONG1 -> stack.push(in.long1());
            case BINFLOAT -> stack.push(in.float64());
            case SHORT_BINUNICODE -> stack.push(in.string(in.u8()));
            case BINUNICODE -> stack.push(in.string(in.u32()));
            case BINUNICODE8 -> stack.push(in.string(in.i64()));
            case SHORT_BINBYTES -> stack.push(in.byteArray(in.u8()));
            case BINBYTES -> stack.push(in.byteArray(in.u32()));
            case EMPTY_DICT -> stack.push(new LinkedHashMap<>());
            case EMPTY_LIST -> stack.push(new ArrayList<>());
            case EMPTY_TUPLE -> stack.push(List.of());
            case TUPLE -> stack.push(Collections.unmodifiableList(stack.popToMark()));
            case TUPLE1 -> stack.push(Collections.unmodifiableList(stack.popN(1)));
            case TUPLE2 -> stack.push(Collections.unmodifiableList(stack.popN(2)));
            case TUPLE3 -> stack.push(Collections.unmodifiableList(stack.popN(3)));
            case LIST -> stack.push(stack.popToMark());
            case DICT -> {
                List<Object> items = stack.popToMark();
                stack.push(putAll(new LinkedHashMap<>(), items));
            }
            case APPEND -> {
                Object value = stack.pop();
                stack.listOnTop().add(value);
            }
            case APPENDS -> {
                List<Object> items = stack.popToMark();
                stack.listOnTop().addAll(items);
            }
            case SETITEM -> {
                List<Object> item = stack.popN(2);
                putAll(stack.dictOnTop(), item);
            }
            case SETITEMS -> {
                List<Object> items = stack.popToMark();
                putAll(stack.dictOnTop(), items);
            }
            case GLOBAL -> stack.push(global(in.line(), in.line()));
            case STACK_GLOBAL -> {
                List<Object> names = stack.popN(2);
                stack.push(global(text(names.get(0)), text(names.get(1))));
            }
            case REDUCE -> reduce();
            case BUILD -> build();
            case BINPERSID -> stack.push(host.persistentLoad(stack.pop()));
            case BINPUT -> stack.memoize(in.u8());
            case LONG_BINPUT -> stack.memoize(in.u32());
            case MEMOIZE -> stack.memoizeNext();
            case BINGET -> stack.push(stack.memoGet(in.u8()));
            case LONG_BINGET -> stack.push(stack.memoGet(in.u32()));
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

    private void reduce() throws WeightFileException {
        Object args = stack.pop();
        Object function = stack.pop();
        if (!(function instanceof PickleGlobal g) || !(args instanceof List<?> a)) {
            throw new IllegalStateException("REDUCE needs a global and an argument tuple");
        }
        stack.push(host.call(g, Collections.unmodifiableList(a)));
    }

    /** BUILD sets instance state; only dicts get it (an OrderedDict's {@code _metadata}), and it carries no tensors. */
    private void build() {
        stack.pop();
        if (!(stack.peek() instanceof Map)) {
            throw new IllegalStateException("BUILD on something other than a dict is not supported");
        }
    }

    /** Keys must be plain values: hashing a deeply nested key could overflow the stack. */
    private static Map<Object, Object> putAll(Map<Object, Object> dict, List<Object> keysAndValues) {
        if (keysAndValues.size() % 2 != 0) {
            throw new IllegalStateException("dict items come in an odd number");
        }
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            Object key = keysAndValues.get(i);
            if (!(key == null || key instanceof String || key instanceof Number || key instanceof Boolean)) {
                throw new IllegalStateException("dict key of type " + key.getClass().getSimpleName() + " is not supported");
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
