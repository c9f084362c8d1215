package org.jgrad.nn;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The softmax along one dimension, as PyTorch's {@code nn.Softmax}: {@code f(x)_i = e^(x_i) / Σ_j
 * e^(x_j)}, the sum running over {@code dim}, so that each slice along {@code dim} becomes a
 * probability distribution. Computed as {@code exp(logSoftmax(x))}, which never overflows. For a
 * classification loss prefer logits with {@code CrossEntropyLoss} or {@link LogSoftmax}, which
 * keep the precision of small probabilities. Input any shape with {@code dim}; output the same
 * shape.
 */
public final class Softmax extends Module {

    private final int dim;

    /** A softmax over dimension {@code dim} (negative counts from the end; 1 for {@code [N, C]} scores). */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /** The dimension normalized over. */
    public int dim() {
        return dim;
    }

    @Override
    protected Tensor compute(Tensor input) {
        return input.softmax(Shape.normalizeDim("Softmax(dim=" + dim + ")", dim, input.dim()));
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
