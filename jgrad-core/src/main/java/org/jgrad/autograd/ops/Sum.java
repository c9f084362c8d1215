package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.ReduceOp;

/** The sum over some dimensions; every summed element receives the gradient of its sum. */
public final class Sum extends Function {

    private final int[] dims;
    private final boolean keepDim;

    /** Sums {@code x} over {@code dims}, which are normalized and sorted. */
    public Sum(Tensor x, int[] dims, boolean keepDim) {
        super(x);
        this.dims = dims;
        this.keepDim = keepDim;
    }

    @Override
    protected Tensor forward() {
        return Kernels.reduce(ReduceOp.SUM, input(0), dims, keepDim);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int[] shape = input(0).shape();
        return new Tensor[] {g.reshape(Kernels.reducedShape(shape, dims)).expand(shape)};
    }
}
