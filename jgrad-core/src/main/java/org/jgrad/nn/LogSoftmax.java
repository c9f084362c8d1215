package org.jgrad.nn;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The logarithm of the softmax along one dimension, as PyTorch's {@code nn.LogSoftmax}: {@code
 * f(x)_i = x_i − log Σ_j e^(x_j)}, the sum running over {@code dim} and computed by a
 * log-sum-exp that never overflows. Unlike {@code log(softmax(x))} it keeps full precision for
 * very unlikely classes; pair it with a negative log-likelihood loss. Input any shape with {@code
 * dim}; output the same shape.
 */
public final class LogSoftmax extends Module {

    private final int dim;

    /** A log-softmax over dimension {@code dim} (negative counts from the end; 1 for {@code [N, C]} scores). */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /** The dimension normalized over. */
    public int dim() {
        return dim;
    }

    @Override
    protected Tensor compute(Tensor input) {
        return input.logSoftmax(Shape.normalizeDim("LogSoftmax(dim=" + dim + ")", dim, input.dim()));
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
