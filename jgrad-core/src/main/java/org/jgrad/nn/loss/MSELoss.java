package org.jgrad.nn.loss;

import org.jgrad.Tensor;

/**
 * The squared error, as PyTorch's {@code nn.MSELoss}: {@code ℓ_i = (x_i − y_i)²} for every
 * element, then reduced (by default the mean, the mean squared error). The loss of regression;
 * its gradient {@code 2(x_i − y_i)} (over {@code n} for the mean) grows with the error, so
 * outliers pull hard (compare {@link L1Loss} and {@link HuberLoss}). Input and target of the
 * same shape, any shape; differentiable with respect to both.
 */
public final class MSELoss extends PointwiseLoss {

    /** The mean squared error. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** The squared errors reduced as {@code reduction} says. */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    Tensor pointwise(Tensor input, Tensor target) {
        Tensor error = input.sub(target);
        return error.mul(error);
    }
}
