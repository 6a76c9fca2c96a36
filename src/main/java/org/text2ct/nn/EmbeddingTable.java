package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/** A lookup table [rows, dim] (token, position or type embeddings); ids outside it fail by name. */
public final class EmbeddingTable {
    private final NDArray table;
    private final String name;

    private EmbeddingTable(NDArray table, String name) {
        this.table = table;
        this.name = name;
    }

    public static EmbeddingTable load(ParamStore p, String key, int rows, int dim) {
        return new EmbeddingTable(p.get(key, rows, dim), key);
    }

    /** A table already read (e.g. one of two tied copies); {@code name} appears in errors. */
    public static EmbeddingTable of(NDArray table, String name) {
        return new EmbeddingTable(table, name);
    }

    /** ids of any shape (integers) → rows, shape ids.shape + [dim]. */
    public NDArray forward(NDArray ids) {
        NDArray longIds = ids.toType(DataType.INT64, false);
        long rows = table.getShape().get(0);
        for (long id : longIds.toLongArray()) {
            if (id < 0 || id >= rows) {
                throw new IllegalArgumentException("id " + id + " is outside the " + rows + " rows of " + name
                        + " (for token ids: does the tokenizer belong to this text encoder?)");
            }
        }
        // The rows belong to the caller's manager: left on the table's, they would outlive the call (and in
        // training keep its autograd graph) for as long as the model is loaded.
        NDArray looked = table.get(new NDIndex("{}", longIds));
        looked.attach(ids.getManager());
        return looked;
    }
}
