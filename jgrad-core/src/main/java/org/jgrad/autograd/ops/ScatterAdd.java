package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * A copy of {@code x} with each {@code src[p]} added at {@code p with p[dim] = index[p]}. The
 * gradient passes unchanged to {@code x}; {@code src} gets the gradient gathered from where
 * each of its elements went.
 */
public final class ScatterAdd extends Function {

    private final int dim;
    private final Tensor index;

    /** Shapes and index values have been checked by the caller. */
    public ScatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        super(x, src);
        this.dim = dim;
        this.index = index;
    }

    @Override
    protected Tensor forward() {
        return Kernels.scatterAdd(input(0), dim, index, input(1));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g, needsGrad(1) ? g.gather(dim, index) : null};
    }
}
