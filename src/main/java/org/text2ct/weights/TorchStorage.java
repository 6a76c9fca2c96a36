package org.text2ct.weights;

import java.nio.ByteBuffer;

/** One storage of a {@code .pt} archive: {@code numel} elements of {@code dtype}, little-endian. */
record TorchStorage(DType dtype, long numel, ByteBuffer bytes) {
}
