package org.text2ct.weights;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The few Python globals a {@code torch.save} state dict needs, implemented as data operations:
 * {@code OrderedDict()} makes an empty dict, the {@code _rebuild_*} functions make a
 * {@link TensorData} from a storage, an offset, a size and a stride, and storage types name dtypes.
 */
final class TorchRebuilder implements RestrictedUnpickler.Host {
    /** Reads {@code byteCount} bytes of the storage that the archive holds under {@code key}. */
    interface StorageSource {
        ByteBuffer read(String key, long byteCount) throws WeightFileException;
    }

    private static final PickleGlobal ORDERED_DICT = new PickleGlobal("collections", "OrderedDict");
    private static final PickleGlobal REBUILD_TENSOR_V2 = new PickleGlobal("torch._utils", "_rebuild_tensor_v2");
    private static final PickleGlobal REBUILD_TENSOR = new PickleGlobal("torch._utils", "_rebuild_tensor");
    private static final PickleGlobal REBUILD_PARAMETER = new PickleGlobal("torch._utils", "_rebuild_parameter");
    private static final Set<PickleGlobal> FUNCTIONS = Set.of(ORDERED_DICT, REBUILD_TENSOR_V2, REBUILD_TENSOR, REBUILD_PARAMETER);
    private static final Map<PickleGlobal, DType> STORAGE_TYPES = Map.of(
            new PickleGlobal("torch", "FloatStorage"), DType.F32,
            new PickleGlobal("torch", "HalfStorage"), DType.F16,
            new PickleGlobal("torch", "BFloat16Storage"), DType.BF16,
            new PickleGlobal("torch", "DoubleStorage"), DType.F64,
            new PickleGlobal("torch", "LongStorage"), DType.I64,
            new PickleGlobal("torch", "IntStorage"), DType.I32,
            new PickleGlobal("torch", "ShortStorage"), DType.I16,
            new PickleGlobal("torch", "CharStorage"), DType.I8,
            new PickleGlobal("torch", "ByteStorage"), DType.U8,
            new PickleGlobal("torch", "BoolStorage"), DType.BOOL);

    private final Path file;
    private final StorageSource source;
    private final Map<String, TorchStorage> storages = new HashMap<>();

    TorchRebuilder(Path file, StorageSource source) {
        this.file = file;
        this.source = source;
    }

    @Override
    public boolean allows(PickleGlobal global) {
        return FUNCTIONS.contains(global) || STORAGE_TYPES.containsKey(global);
    }

    @Override
    public Object call(PickleGlobal function, List<Object> args) throws WeightFileException {
        if (function.equals(ORDERED_DICT)) {
            return new LinkedHashMap<>();
        }
        if (function.equals(REBUILD_PARAMETER)) {
            return arg(args, 0, TensorData.class, function);
        }
        if (function.equals(REBUILD_TENSOR_V2) || function.equals(REBUILD_TENSOR)) {
            return rebuildTensor(args, function);
        }
        throw fail(function + " is a type, not something a state dict calls");
    }

    /** A persistent id is {@code ('storage', storage_type, key, location, numel)}. */
    @Override
    public Object persistentLoad(Object pid) throws WeightFileException {
        if (!(pid instanceof List<?> t) || t.size() != 5 || !"storage".equals(t.get(0))) {
            throw fail("persistent id is not a ('storage', type, key, location, numel) tuple");
        }
        DType dtype = STORAGE_TYPES.get(t.get(1));
        if (!(t.get(2) instanceof String key) || !(t.get(4) instanceof Long numel) || dtype == null || numel < 0) {
            throw fail("persistent id has an unknown storage type or a malformed key or size");
        }
        TorchStorage known = storages.get(key);
        if (known != null) {
            return known;
        }
        long byteCount;
        try {
            byteCount = Math.multiplyExact(numel, dtype.bytes());
        } catch (ArithmeticException e) {
            throw fail("storage " + key + " claims " + numel + " elements, which overflows 64 bits");
        }
        TorchStorage storage = new TorchStorage(dtype, numel, source.read(key, byteCount));
        storages.put(key, storage);
        return storage;
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])}; v1 stops at stride. */
    private TensorData rebuildTensor(List<Object> args, PickleGlobal function) throws WeightFileException {
        TorchStorage storage = arg(args, 0, TorchStorage.class, function);
        long offset = arg(args, 1, Long.class, function);
        long[] size = longs(arg(args, 2, List.class, function), function);
        long[] stride = longs(arg(args, 3, List.class, function), function);
        if (size.length != stride.length || offset < 0) {
            throw fail(function + " got size " + Arrays.toString(size) + ", stride " + Arrays.toString(stride)
                    + " and offset " + offset + ", which do not describe a tensor");
        }
        int elementBytes = storage.dtype().bytes();
        long numel;
        long lastIndex = offset;
        try {
            numel = TensorData.numel(size);
            for (int d = 0; d < size.length; d++) {
                lastIndex = Math.addExact(lastIndex, Math.multiplyExact(Math.max(size[d] - 1, 0), stride[d]));
            }
            if (Math.multiplyExact(numel, elementBytes) > Integer.MAX_VALUE) {
                throw fail("tensor of size " + Arrays.toString(size) + " is over 2 GB; one memory mapping is limited to 2 GB");
            }
        } catch (ArithmeticException e) {
            throw fail("tensor of size " + Arrays.toString(size) + " overflows 64 bits");
        }
        if (numel > 0 && lastIndex >= storage.numel()) {
            throw fail("tensor of size " + Arrays.toString(size) + ", stride " + Arrays.toString(stride) + " at offset "
                    + offset + " reaches past its storage of " + storage.numel() + " elements");
        }
        if (numel == 0) {
            return new TensorData(storage.dtype(), size, ByteBuffer.allocate(0));
        }
        if (StridedGather.isContiguous(size, stride)) {
            return new TensorData(storage.dtype(), size,
                    storage.bytes().slice((int) (offset * elementBytes), (int) (numel * elementBytes)));
        }
        if (numel > storage.numel()) {
            // Only overlapping (expanded) views hold more elements than their storage; copying one could need far more heap than the file.
            throw fail("tensor of size " + Arrays.toString(size) + " repeats elements of its storage (a stride-0 view);"
                    + " such tensors are not supported");
        }
        return new TensorData(storage.dtype(), size,
                StridedGather.gather(storage.bytes(), elementBytes, offset, size, stride, (int) numel));
    }

    private long[] longs(List<?> values, PickleGlobal function) throws WeightFileException {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof Long v) || v < 0) {
                throw fail(function + " got a size or stride that is not a non-negative integer");
            }
            out[i] = v;
        }
        return out;
    }

    private <T> T arg(List<Object> args, int i, Class<T> type, PickleGlobal function) throws WeightFileException {
        if (args.size() <= i || !type.isInstance(args.get(i))) {
            throw fail(function + " argument " + i + " is not a " + type.getSimpleName());
        }
        return type.cast(args.get(i));
    }

    private WeightFileException fail(String problem) {
        return new WeightFileException(file, problem);
    }
}
