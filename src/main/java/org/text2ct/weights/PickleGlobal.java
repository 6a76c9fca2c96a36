package org.text2ct.weights;

/** A {@code module.name} reference read from a pickle; only ever compared, never resolved to code. */
record PickleGlobal(String module, String name) {
    @Override
    public String toString() {
        return module + "." + name;
    }
}
