package org.jgrad.nn.penalty;

import org.jgrad.Tensor;

/**
 * The L1 penalty (lasso) {@code λ·Σ |w|} over the penalized parameters. Its gradient {@code
 * λ·sign(w)} (0 at {@code w = 0}) pulls every weight toward 0 by the same amount, so many reach
 * it: L1 encourages sparse weights (MAP estimation with a Laplace prior).
 */
public final class L1Penalty extends NormPenalty {

    /** {@code λ·Σ |w|} over the weights (parameters of rank ≥ 2), not the biases. */
    public L1Penalty(double lambda) {
        this(lambda, Penalize.WEIGHTS);
    }

    /** {@code λ·Σ |w|} over the parameters {@code penalize} selects. */
    public L1Penalty(double lambda, Penalize penalize) {
        super(lambda, penalize);
    }

    @Override
    Tensor norm(Tensor weights) {
        return l1(weights);
    }
}
