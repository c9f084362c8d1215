package org.jgrad.autograd.ops;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.IndexedValues;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.Strided;
import org.jgrad.backend.UnaryOp;

/**
 * Runs kernels on tensors without recording a graph: allocates results, lines up broadcast
 * operands, and checks what the backend trusts (shapes, dtypes, index ranges). The forward
 * passes of the primitives and the non-differentiable tensor methods are built from these.
 */
public final class Kernels {

    private Kernels() {
    }

    private static Backend backend() {
        return Backends.current();
    }

    /** A new zero-filled, row-major tensor (its array recycled inside a {@link Workspace} pass). */
    public static Tensor allocate(DType dtype, int[] shape) {
        return allocate(dtype, shape, true);
    }

    /** A new row-major tensor whose every element the caller's kernel writes: a recycled array is not cleared first. */
    private static Tensor result(DType dtype, int[] shape) {
        return allocate(dtype, shape, false);
    }

    private static Tensor allocate(DType dtype, int[] shape, boolean zeroed) {
        return Tensor.fromStorage(Workspace.allocate(dtype, Shape.numel(shape), zeroed), shape,
                Strided.rowMajorStrides(shape), 0);
    }

    /** The tensor as a kernel operand. */
    static Strided strided(Tensor t) {
        return new Strided(t.storage(), t.offset(), t.strides());
    }

    /** The tensor as a kernel operand read with the given (broadcast) shape. */
    static Strided strided(Tensor t, int[] shape) {
        return new Strided(t.storage(), t.offset(), Shape.broadcastStrides(t.shape(), t.strides(), shape));
    }

    /** {@code op} applied to every element, in a new tensor of {@code dtype}. */
    public static Tensor map(UnaryOp op, Tensor x, DType dtype) {
        Tensor out = result(dtype, x.shape());
        backend().map(op, strided(x), strided(out), x.shape());
        return out;
    }

    /** {@code op} applied to every element, in a new tensor of the same dtype. */
    public static Tensor map(UnaryOp op, Tensor x) {
        return map(op, x, x.dtype());
    }

    /** A row-major copy, converted to {@code dtype}. */
    public static Tensor copy(Tensor x, DType dtype) {
        return map(UnaryOp.IDENTITY, x, dtype);
    }

    /** Writes {@code src}, broadcast to {@code dst}'s shape, into {@code dst} (which may be a view). */
    public static void copyInto(Tensor dst, Tensor src) {
        if (!java.util.Arrays.equals(Shape.broadcast("copyFrom", src.shape(), dst.shape()), dst.shape())) {
            throw new IllegalArgumentException("copyFrom: cannot copy shape " + Shape.format(src.shape()) + " into "
                    + Shape.format(dst.shape()));
        }
        backend().map(UnaryOp.IDENTITY, strided(src, dst.shape()), strided(dst), dst.shape());
    }

    /**
     * {@code op(a, b)} with broadcasting and type promotion; comparisons give 0/1 in the
     * promoted type. {@code name} is the op named in errors.
     */
    public static Tensor zip(String name, BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(name, a.shape(), b.shape());
        Tensor out = result(DType.promote(a.dtype(), b.dtype()), shape);
        backend().zip(op, strided(a, shape), strided(b, shape), strided(out), shape);
        return out;
    }

    /** {@code mask != 0 ? a : b} with all three broadcast together. */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", mask.shape(), a.shape()), b.shape());
        Tensor out = result(DType.promote(a.dtype(), b.dtype()), shape);
        backend().where(strided(mask, shape), strided(a, shape), strided(b, shape), strided(out), shape);
        return out;
    }

    /**
     * Reduces {@code x} over {@code dims} (normalized and sorted). The result keeps those
     * dimensions with extent 1 when {@code keepDim}, else drops them. A scalar reduced over
     * dimension 0, which {@link Shape#normalizeDim} allows as PyTorch does, stays a scalar.
     */
    public static Tensor reduce(ReduceOp op, Tensor x, int[] dims, boolean keepDim) {
        dims = existing(x.dim(), dims);
        int[] order = keptThenReduced(x.dim(), dims);
        int[] shape = permute(x.shape(), order);
        Tensor out = result(x.dtype(), droppedShape(x.shape(), dims));
        Strided src = new Strided(x.storage(), x.offset(), permute(x.strides(), order));
        backend().reduce(op, src, shape, dims.length, strided(out));
        return keepDim ? out.reshape(reducedShape(x.shape(), dims)) : out;
    }

    /**
     * The maximum or minimum along {@code dim} and the index of its first occurrence. A scalar
     * is read as a vector of one element, so its index is 0 and the result is a scalar.
     */
    public static IndexedValues reduceWithIndex(ReduceOp op, Tensor x, int dim, boolean keepDim) {
        if (x.dim() == 0) {
            return reduceWithIndex(op, Tensor.fromStorage(x.storage(), new int[] {1}, new int[] {1}, x.offset()), 0,
                    false);
        }
        int[] order = keptThenReduced(x.dim(), new int[] {dim});
        int[] shape = permute(x.shape(), order);
        int[] kept = Arrays.copyOf(shape, x.dim() - 1);
        Tensor values = result(x.dtype(), kept);
        Tensor indices = result(DType.INT64, kept);
        Strided src = new Strided(x.storage(), x.offset(), permute(x.strides(), order));
        backend().reduceWithIndex(op, src, shape, strided(values), strided(indices));
        if (!keepDim) {
            return new IndexedValues(values, indices);
        }
        int[] keptShape = reducedShape(x.shape(), new int[] {dim});
        return new IndexedValues(values.reshape(keptShape), indices.reshape(keptShape));
    }

    /** {@code shape} with the extent of every dimension in {@code dims} set to 1 (a scalar stays one). */
    public static int[] reducedShape(int[] shape, int[] dims) {
        int[] out = shape.clone();
        for (int d : existing(shape.length, dims)) {
            out[d] = 1;
        }
        return out;
    }

    /** {@code shape} without the dimensions in {@code dims} (sorted; a scalar stays one). */
    public static int[] droppedShape(int[] shape, int[] dims) {
        dims = existing(shape.length, dims);
        int[] out = new int[shape.length - dims.length];
        for (int d = 0, next = 0, skip = 0; d < shape.length; d++) {
            if (skip < dims.length && dims[skip] == d) {
                skip++;
            } else {
                out[next++] = shape[d];
            }
        }
        return out;
    }

    /** {@code dims} without dimension 0 of a scalar, the one normalized dimension a tensor may lack. */
    private static int[] existing(int rank, int[] dims) {
        return rank > 0 ? dims : new int[0];
    }

    private static int[] keptThenReduced(int rank, int[] dims) {
        int[] order = new int[rank];
        boolean[] reduced = new boolean[rank];
        for (int d : dims) {
            reduced[d] = true;
        }
        int next = 0;
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                order[next++] = d;
            }
        }
        for (int d : dims) {
            order[next++] = d;
        }
        return order;
    }

    private static int[] permute(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    /**
     * The batched product of {@code a} ({@code [..., m, k]}) and {@code b} ({@code [..., k, n]}),
     * both at least 2-D, with the batch dimensions broadcast.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, b, null);
    }

    /**
     * {@link #matmul(Tensor, Tensor)} written into {@code into} when it is not null: a row-major
     * tensor of the product's shape and dtype, which it returns.
     */
    public static Tensor matmul(Tensor a, Tensor b, Tensor into) {
        int ra = a.dim();
        int rb = b.dim();
        int m = a.size(ra - 2);
        int k = a.size(ra - 1);
        int n = b.size(rb - 1);
        if (b.size(rb - 2) != k) {
            throw new IllegalArgumentException("matmul: cannot multiply " + Shape.format(a.shape()) + " by "
                    + Shape.format(b.shape()) + ": inner dimensions " + k + " and " + b.size(rb - 2) + " differ");
        }
        int[] batch = Shape.broadcast("matmul", Arrays.copyOf(a.shape(), ra - 2), Arrays.copyOf(b.shape(), rb - 2));
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        DType dtype = DType.promote(a.dtype(), b.dtype());
        if (into != null && (into.dtype() != dtype || !Arrays.equals(into.shape(), outShape) || !into.isContiguous())) {
            throw new IllegalArgumentException("matmul: cannot write a " + dtype + " product of shape "
                    + Shape.format(outShape) + " into a " + (into.isContiguous() ? "" : "non-contiguous ")
                    + into.dtype() + " tensor of shape " + Shape.format(into.shape()));
        }
        Tensor out = into != null ? into : result(dtype, outShape);
        int[] aBatchStrides = batchStrides(a, batch);
        int[] bBatchStrides = batchStrides(b, batch);
        int[] outStrides = out.strides();
        int[] index = new int[batch.length];
        for (int item = 0, items = Shape.numel(batch); item < items; item++) {
            int aOffset = a.offset();
            int bOffset = b.offset();
            int outOffset = out.offset();
            for (int d = 0; d < batch.length; d++) {
                aOffset += index[d] * aBatchStrides[d];
                bOffset += index[d] * bBatchStrides[d];
                outOffset += index[d] * outStrides[d];
            }
            backend().matmul(
                    new Strided(a.storage(), aOffset, new int[] {a.strides()[ra - 2], a.strides()[ra - 1]}),
                    new Strided(b.storage(), bOffset, new int[] {b.strides()[rb - 2], b.strides()[rb - 1]}),
                    new Strided(out.storage(), outOffset, new int[] {outStrides[batch.length], outStrides[batch.length + 1]}),
                    m, n, k);
            for (int d = batch.length - 1; d >= 0 && ++index[d] == batch[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }

    /**
     * {@code activation(x·weightᵀ + bias)} for {@code x [n, in]}, {@code weight [out, in]} and
     * {@code bias [out]} or {@code null}, in one backend call; the caller checked the shapes.
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias, UnaryOp activation) {
        int m = x.size(0);
        int k = x.size(1);
        int n = weight.size(0);
        DType dtype = DType.promote(x.dtype(), weight.dtype());
        Tensor out = result(bias == null ? dtype : DType.promote(dtype, bias.dtype()), new int[] {m, n});
        Strided weightT = new Strided(weight.storage(), weight.offset(), new int[] {weight.strides()[1], weight.strides()[0]});
        Strided biasRows = bias == null ? null : new Strided(bias.storage(), bias.offset(), new int[] {0, bias.strides()[0]});
        backend().linear(strided(x), weightT, biasRows, strided(out), m, n, k, activation);
        return out;
    }

    /**
     * {@code x − log Σ exp(x)} along {@code dim} (normalized), in a new row-major tensor: the
     * backend works along the last dimension, so {@code dim} is moved there in the strides of
     * both operands, which leaves the result in {@code x}'s layout. A scalar is a line of one.
     */
    public static Tensor logSoftmax(Tensor x, int dim) {
        Tensor out = result(x.dtype(), x.shape());
        if (x.dim() == 0) {
            backend().logSoftmax(new Strided(x.storage(), x.offset(), new int[] {1}), new int[] {1},
                    new Strided(out.storage(), 0, new int[] {1}));
            return out;
        }
        int[] order = keptThenReduced(x.dim(), new int[] {dim});
        backend().logSoftmax(new Strided(x.storage(), x.offset(), permute(x.strides(), order)), permute(x.shape(), order),
                new Strided(out.storage(), 0, permute(out.strides(), order)));
        return out;
    }

    private static int[] batchStrides(Tensor t, int[] batch) {
        int rank = t.dim();
        return Shape.broadcastStrides(Arrays.copyOf(t.shape(), rank - 2), Arrays.copyOf(t.strides(), rank - 2), batch);
    }

    /** Checks that an index tensor is int64 and every value lies in {@code [0, bound)}. */
    public static void checkIndex(String op, Tensor index, int bound, int dim) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": index must be an int64 tensor, got " + index.dtype());
        }
        for (long i : index.toLongArray()) {
            if (i < 0 || i >= bound) {
                throw new IllegalArgumentException(op + ": index " + i + " is out of range for dimension " + dim
                        + " of size " + bound);
            }
        }
    }

    /** {@code out[p] = x[p with p[dim] = index[p]]}; the caller checked shapes and ranges. */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        Tensor out = result(x.dtype(), index.shape());
        backend().gather(strided(x), dim, strided(index), strided(out), index.shape());
        return out;
    }

    /** A copy of {@code x} with {@code src[p]} added at {@code p with p[dim] = index[p]}. */
    public static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        Tensor out = copy(x, DType.promote(x.dtype(), src.dtype()));
        backend().scatterAdd(strided(out), dim, strided(index), strided(src), index.shape());
        return out;
    }
}
