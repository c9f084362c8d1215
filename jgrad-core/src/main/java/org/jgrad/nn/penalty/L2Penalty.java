package org.jgrad.nn.penalty;

import org.jgrad.Tensor;

/**
 * The L2 penalty as weight decay, {@code λ/2·‖W‖² = λ/2·Σ w²} over the penalized parameters. The
 * factor ½ makes its gradient {@code λ·w}, so a gradient-descent step with learning rate
 * {@code η} becomes {@code w ← w − η·∂L/∂w − η·λ·w}: each weight decays in proportion to its
 * size (MAP estimation with a Gaussian prior; CS-S109A's {@code Ω(W) = ½‖W‖₂²}). Decks that write
 * {@code λ·Σ w²} without the ½ mean {@code new L2Penalty(2λ)}; Ng's {@code λ/(2m)·Σ θ²} is
 * {@code new L2Penalty(λ/m)}. By default biases are not penalized; {@link Penalize#ALL}
 * includes them.
 */
public final class L2Penalty extends NormPenalty {

    /** {@code λ/2·Σ w²} over the weights (parameters of rank ≥ 2), not the biases. */
    public L2Penalty(double lambda) {
        this(lambda, Penalize.WEIGHTS);
    }

    /** {@code λ/2·Σ w²} over the parameters {@code penalize} selects. */
    public L2Penalty(double lambda, Penalize penalize) {
        super(lambda, penalize);
    }

    @Override
    Tensor norm(Tensor weights) {
        return halfSquaredL2(weights);
    }
}
