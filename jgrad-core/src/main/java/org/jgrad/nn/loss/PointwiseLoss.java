package org.jgrad.nn.loss;

import org.jgrad.Tensor;

/**
 * A loss computed element by element from an input and a target of the same shape, then
 * reduced. The shapes must be equal: PyTorch broadcasts a target of shape {@code [n]} against
 * an input of shape {@code [n, 1]} into an {@code [n, n]} loss with only a warning, a classic
 * silent bug, so here it is an error.
 */
abstract class PointwiseLoss extends Loss {

    PointwiseLoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public final Tensor forward(Tensor input, Tensor target) {
        checkSameShape(input, target);
        return reduction().apply(pointwise(input, target));
    }

    /** The loss of each element, of the input's shape; the shapes have been checked. */
    abstract Tensor pointwise(Tensor input, Tensor target);
}
