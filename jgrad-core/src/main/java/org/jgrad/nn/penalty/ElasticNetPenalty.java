package org.jgrad.nn.penalty;

import java.util.List;
import org.jgrad.Tensor;

/**
 * The elastic net (Zou and Hastie, 2005), a mix of the L1 and L2 penalties:
 *
 * <pre>
 * λ·Σ [ α·|w| + (1 − α)·w²/2 ]
 * </pre>
 *
 * over the penalized parameters, with {@code α} in {@code [0, 1]}: {@code α = 1} is {@link
 * L1Penalty}, {@code α = 0} is {@link L2Penalty}, both with the same {@code λ}, and in between
 * it gives L1's sparsity with L2's stability among correlated weights. This is scikit-learn's
 * parameterization ({@code alpha} there is our {@code λ}, {@code l1_ratio} our {@code α}). The
 * CS 1678 deck's {@code λ'·Σ (β·w² + |w|)} is {@code λ = λ'·(1 + 2β)} with {@code α = 1/(1 + 2β)}.
 */
public final class ElasticNetPenalty extends NormPenalty {

    private final double alpha;

    /** {@code λ·Σ [α·|w| + (1 − α)·w²/2]} over the weights (parameters of rank ≥ 2), not the biases. */
    public ElasticNetPenalty(double lambda, double alpha) {
        this(lambda, alpha, Penalize.WEIGHTS);
    }

    /** {@code λ·Σ [α·|w| + (1 − α)·w²/2]} over the parameters {@code penalize} selects. */
    public ElasticNetPenalty(double lambda, double alpha, Penalize penalize) {
        super(lambda, penalize);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("ElasticNetPenalty: alpha must be in [0, 1], got " + alpha);
        }
        this.alpha = alpha;
    }

    /** The share {@code α} of the L1 term. */
    public double alpha() {
        return alpha;
    }

    @Override
    Tensor norm(Tensor weights) {
        return l1(weights).mul(alpha).add(halfSquaredL2(weights).mul(1 - alpha));
    }

    @Override
    List<String> settings() {
        return List.of("alpha=" + alpha);
    }
}
