package org.text2ct.nn;

import java.util.List;

/** A strict load found missing keys, unexpected keys or shape mismatches; all are named. */
public class StateDictMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> missing;
    private final List<String> unexpected;
    private final List<String> mismatched;

    public StateDictMismatchException(String source, List<String> missing, List<String> unexpected,
            List<String> mismatched) {
        super(message(source, missing, unexpected, mismatched));
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.mismatched = List.copyOf(mismatched);
    }

    public List<String> missing() {
        return missing;
    }

    public List<String> unexpected() {
        return unexpected;
    }

    public List<String> mismatched() {
        return mismatched;
    }

    private static String message(String source, List<String> missing, List<String> unexpected,
            List<String> mismatched) {
        StringBuilder sb = new StringBuilder("weights in ").append(source)
                .append(" do not fit the network configuration");
        append(sb, "missing keys", missing);
        append(sb, "unexpected keys", unexpected);
        append(sb, "shape mismatches", mismatched);
        return sb.append(". Check that the config matches the checkpoint.").toString();
    }

    private static void append(StringBuilder sb, String what, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append("; ").append(items.size()).append(' ').append(what).append(": ");
        int shown = Math.min(items.size(), 20);
        sb.append(String.join(", ", items.subList(0, shown)));
        if (items.size() > shown) {
            sb.append(", … (").append(items.size() - shown).append(" more)");
        }
    }
}
