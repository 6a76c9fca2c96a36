package org.text2ct.weights;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unpickler's value stack, its MARK positions and its memo. Misuse by a malformed pickle
 * (popping an empty stack, reading an unset memo slot) throws {@link IllegalStateException},
 * which {@link RestrictedUnpickler} reports with the byte position.
 */
final class PickleStack {
    private final List<Object> values = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    void push(Object value) {
        values.add(value);
    }

    void mark() {
        marks.push(values.size());
    }

    /** Pops one value; values below the innermost MARK are out of reach, as in Python. */
    Object pop() {
        if (values.isEmpty() || (!marks.isEmpty() && values.size() <= marks.peek())) {
            throw new IllegalStateException("pops from an empty stack");
        }
        return values.remove(values.size() - 1);
    }

    Object peek() {
        if (values.isEmpty()) {
            throw new IllegalStateException("reads an empty stack");
        }
        return values.get(values.size() - 1);
    }

    /** The top {@code n} values, deepest first. */
    List<Object> popN(int n) {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return Arrays.asList(items);
    }

    /** Everything above the innermost MARK, deepest first; the MARK is consumed. */
    List<Object> popToMark() {
        if (marks.isEmpty()) {
            throw new IllegalStateException("uses a MARK it never set");
        }
        List<Object> top = values.subList(marks.pop(), values.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    List<Object> listOnTop() {
        if (!(peek() instanceof ArrayList)) {
            throw new IllegalStateException("appends to something that is not a list");
        }
        return (List<Object>) peek();
    }

    @SuppressWarnings("unchecked")
    Map<Object, Object> dictOnTop() {
        if (!(peek() instanceof LinkedHashMap)) {
            throw new IllegalStateException("sets an item on something that is not a dict");
        }
        return (Map<Object, Object>) peek();
    }

    void memoize(long slot) {
        memo.put(slot, peek());
    }

    void memoizeNext() {
        memoize(memo.size());
    }

    Object memoGet(long slot) {
        if (!memo.containsKey(slot)) {
            throw new IllegalStateException("reads memo slot " + slot + " before writing it");
        }
        return memo.get(slot);
    }
}
