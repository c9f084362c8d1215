package org.jgrad.nn.loss;

import org.jgrad.Tensor;

/**
 * The absolute error, as PyTorch's {@code nn.L1Loss}: {@code ℓ_i = |x_i − y_i|} for every
 * element, then reduced (by default the mean, the mean absolute error, MAE). Its gradient
 * {@code sign(x_i − y_i)} does not grow with the error, so it is robust to outliers; at
 * {@code x_i = y_i} the subgradient 0 is taken, as PyTorch does. Input and target of the same
 * shape, any shape; differentiable with respect to both.
 */
public final class L1Loss extends PointwiseLoss {

    /** The mean absolute error. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** The absolute errors reduced as {@code reduction} says. */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    Tensor pointwise(Tensor input, Tensor target) {
        return input.sub(target).abs();
    }
}
