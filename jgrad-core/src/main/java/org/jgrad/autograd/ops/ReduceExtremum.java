package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.ReduceOp;

/**
 * The maximum ({@code amax}) or minimum ({@code amin}) over some dimensions, values only. The
 * gradient is shared evenly by all elements equal to the extremum, as in PyTorch's amax.
 */
public final class ReduceExtremum extends Function {

    private final ReduceOp op;
    private final int[] dims;
    private final boolean keepDim;

    /** {@code op} is {@link ReduceOp#MAX} or {@link ReduceOp#MIN}; {@code dims} normalized and sorted. */
    public ReduceExtremum(Tensor x, ReduceOp op, int[] dims, boolean keepDim) {
        super(x);
        this.op = op;
        this.dims = dims;
        this.keepDim = keepDim;
    }

    @Override
    public String name() {
        return op == ReduceOp.MAX ? "AMax" : "AMin";
    }

    @Override
    protected Tensor forward() {
        Tensor y = Kernels.reduce(op, input(0), dims, keepDim);
        save(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = input(0);
        int[] kept = Kernels.reducedShape(x.shape(), dims);
        Tensor hits = x.eq(saved(0).reshape(kept));
        Tensor share = hits.div(hits.sum(dims, true));
        return new Tensor[] {share.mul(g.reshape(kept))};
    }
}
