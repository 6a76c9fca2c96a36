package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/** Planes held in one engine array [S, C, A, B] (native memory, outside the Java heap). */
final class RamPlaneStore implements PlaneStore {
    private final NDManager own;
    private final NDArray data;
    private final Runnable onClose;
    private boolean closed;

    RamPlaneStore(NDManager parent, int channels, int planes, int a, int b, Runnable onClose) {
        this.onClose = onClose;
        own = parent.newSubManager();
        data = own.zeros(new Shape(planes, channels, a, b));
    }

    @Override
    public int channels() {
        return (int) data.getShape().get(1);
    }

    @Override
    public int planes() {
        return (int) data.getShape().get(0);
    }

    @Override
    public int sizeA() {
        return (int) data.getShape().get(2);
    }

    @Override
    public int sizeB() {
        return (int) data.getShape().get(3);
    }

    @Override
    public NDArray read(NDManager manager, int from, int to) {
        NDArray view = data.get(new NDIndex("{}:{}", from, to));
        view.attach(manager);
        return view.transpose(1, 0, 2, 3).expandDims(0);
    }

    @Override
    public void write(int from, NDArray slab) {
        NDArray planesFirst = slab.squeeze(0).transpose(1, 0, 2, 3);
        data.set(new NDIndex("{}:{}", from, from + planesFirst.getShape().get(0)), planesFirst);
    }

    @Override
    public long bytes() {
        return PlaneStore.bytes(channels(), planes(), sizeA(), sizeB());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        own.close();
        onClose.run();
    }
}
