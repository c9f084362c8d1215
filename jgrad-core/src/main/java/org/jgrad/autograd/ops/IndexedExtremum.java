package org.jgrad.autograd.ops;

import org.jgrad.IndexedValues;
import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.ReduceOp;

/**
 * The maximum or minimum along one dimension with the index of its first occurrence. The
 * gradient goes to that one element only, as in PyTorch's {@code max(dim)}.
 */
public final class IndexedExtremum extends Function {

    private final ReduceOp op;
    private final int dim;
    private final boolean keepDim;
    private Tensor indices;

    /** {@code op} is {@link ReduceOp#MAX} or {@link ReduceOp#MIN}; {@code dim} is normalized. */
    public IndexedExtremum(Tensor x, ReduceOp op, int dim, boolean keepDim) {
        super(x);
        this.op = op;
        this.dim = dim;
        this.keepDim = keepDim;
    }

    /** Runs the op, returning values (differentiable) and indices. */
    public IndexedValues values() {
        Tensor values = apply();
        return new IndexedValues(values, indices);
    }

    @Override
    public String name() {
        return op == ReduceOp.MAX ? "Max" : "Min";
    }

    @Override
    protected Tensor forward() {
        IndexedValues result = Kernels.reduceWithIndex(op, input(0), dim, keepDim);
        indices = result.indices();
        return result.values();
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = input(0);
        if (x.dim() == 0) {
            return new Tensor[] {g};
        }
        int[] kept = Kernels.reducedShape(x.shape(), new int[] {dim});
        Tensor zeros = Tensor.zeros(g.dtype(), x.shape());
        return new Tensor[] {zeros.scatterAdd(dim, indices.reshape(kept), g.reshape(kept))};
    }
}
