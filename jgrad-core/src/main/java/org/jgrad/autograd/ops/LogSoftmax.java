package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * {@code y = x − log Σ exp(x)} along one dimension, as one node: the backend computes each line
 * in one pass ({@code x − (m + log Σ exp(x − m))} with {@code m} its maximum, so nothing
 * overflows), which is both faster and more exact than the composition of a log-sum-exp and a
 * subtraction. With {@code s = Σ g} along the dimension, the gradient is {@code g − exp(y)·s}.
 */
public final class LogSoftmax extends Function {

    private final int dim;

    /** The log-softmax of {@code x} along {@code dim}, which is normalized. */
    public LogSoftmax(Tensor x, int dim) {
        super(x);
        this.dim = dim;
    }

    @Override
    protected Tensor forward() {
        Tensor y = Kernels.logSoftmax(input(0), dim);
        save(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {g.sub(y.exp().mul(g.sum(dim, true)))};
    }
}
