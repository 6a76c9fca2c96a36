package org.text2ct.model.vae;

/** An activation held in planes, with the group statistics gathered while it was written. */
record SlabTensor(PlaneStore store, GroupStats stats) implements AutoCloseable {
    @Override
    public void close() {
        store.close();
    }
}
