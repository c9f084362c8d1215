package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * {@code out[p] = x[p with p[dim] = index[p]]}: picks one element along {@code dim} for every
 * position of {@code index}. The gradient is scattered back, adding where an element was
 * picked more than once.
 */
public final class Gather extends Function {

    private final int dim;
    private final Tensor index;

    /** Shapes and index values have been checked by the caller. */
    public Gather(Tensor x, int dim, Tensor index) {
        super(x);
        this.dim = dim;
        this.index = index;
    }

    @Override
    protected Tensor forward() {
        return Kernels.gather(input(0), dim, index);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zeros(g.dtype(), input(0).shape()).scatterAdd(dim, index, g)};
    }
}
