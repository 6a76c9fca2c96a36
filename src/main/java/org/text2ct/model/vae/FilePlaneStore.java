package org.text2ct.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Planes in a scratch file, for activations larger than memory (the 128-channel full-resolution
 * tensor of a 512×512×192 decode is 26 GB). Plain positional reads and writes rather than a
 * memory map, so the pages do not count against the process's resident memory. The file is
 * deleted on close.
 */
final class FilePlaneStore implements PlaneStore {
    private final Path file;
    private final FileChannel channel;
    private final int channels;
    private final int planes;
    private final int a;
    private final int b;
    /** Reused for every read: direct buffers are only freed by the garbage collector. */
    private ByteBuffer readBuffer;

    FilePlaneStore(Path scratchDir, int channels, int planes, int a, int b) {
        this.channels = channels;
        this.planes = planes;
        this.a = a;
        this.b = b;
        try {
            Files.createDirectories(scratchDir);
            file = Files.createTempFile(scratchDir, "text2ct-tsp-", ".f32");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file in " + scratchDir
                    + " for tensor splitting; set text2ct.scratch.dir to a folder with "
                    + (bytes() >> 30) + " GB free", e);
        }
    }

    private long planeBytes() {
        return 4L * channels * a * b;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int planes() {
        return planes;
    }

    @Override
    public int sizeA() {
        return a;
    }

    @Override
    public int sizeB() {
        return b;
    }

    @Override
    public NDArray read(NDManager manager, int from, int to) {
        int bytes = Math.toIntExact((to - from) * planeBytes());
        if (readBuffer == null || readBuffer.capacity() < bytes) {
            readBuffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        ByteBuffer buf = readBuffer.clear().limit(bytes);
        try {
            long pos = from * planeBytes();
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos);
                if (n < 0) {
                    throw new IOException("scratch file ended early");
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading scratch file " + file, e);
        }
        buf.flip();
        NDArray planesFirst = manager.create(buf, new Shape(to - from, channels, a, b), DataType.FLOAT32);
        return planesFirst.transpose(1, 0, 2, 3).expandDims(0);
    }

    @Override
    public void write(int from, NDArray slab) {
        NDArray planesFirst = slab.squeeze(0).transpose(1, 0, 2, 3).toType(DataType.FLOAT32, false);
        ByteBuffer buf = planesFirst.toByteBuffer();
        try {
            long pos = from * planeBytes();
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing scratch file " + file + " (disk full?)", e);
        }
    }

    @Override
    public long bytes() {
        return PlaneStore.bytes(channels, planes, a, b);
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("removing scratch file " + file, e);
        }
    }
}
