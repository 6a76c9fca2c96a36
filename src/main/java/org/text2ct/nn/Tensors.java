package org.text2ct.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.text2ct.weights.DType;
import org.text2ct.weights.TensorData;

/** Conversions between weight-file tensors and engine arrays. */
public final class Tensors {
    private Tensors() {
    }

    /** Integer tensors stay int64; every floating type becomes float32. */
    public static NDArray toNDArray(NDManager manager, TensorData t) {
        Shape shape = new Shape(t.shape());
        if (!t.dtype().isFloating() && t.dtype() != DType.BOOL) {
            return manager.create(t.toLongs(), shape);
        }
        return manager.create(t.toFloats(), shape);
    }

    public static TensorData toTensorData(NDArray a) {
        return TensorData.ofFloats(a.getShape().getShape(), a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .toFloatArray());
    }
}
