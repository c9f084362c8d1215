package org.jgrad.nn.loss;

import java.util.List;
import org.jgrad.Tensor;

/**
 * The Huber loss, as PyTorch's {@code nn.HuberLoss}: squared for small errors, linear for large
 * ones, with {@code d = x_i − y_i}
 *
 * <pre>
 * ℓ_i = d² / 2             if |d| &lt; δ
 * ℓ_i = δ·(|d| − δ/2)      otherwise
 * </pre>
 *
 * then reduced (by default the mean). The two pieces meet with equal value and slope at
 * {@code |d| = δ}, so the gradient is {@code d} inside and {@code δ·sign(d)} outside: the
 * precision of {@link MSELoss} near the target, the robustness of {@link L1Loss} far from it.
 * Input and target of the same shape, any shape; differentiable with respect to both.
 */
public final class HuberLoss extends PointwiseLoss {

    private final double delta;

    /** The Huber loss with {@code δ = 1}, PyTorch's default. */
    public HuberLoss() {
        this(1.0);
    }

    /** The Huber loss turning linear at errors of {@code delta}, averaged. */
    public HuberLoss(double delta) {
        this(delta, Reduction.MEAN);
    }

    /** The Huber loss turning linear at errors of {@code delta}, reduced as {@code reduction} says. */
    public HuberLoss(double delta, Reduction reduction) {
        super(reduction);
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    /** The error at which the loss turns from quadratic to linear. */
    public double delta() {
        return delta;
    }

    @Override
    Tensor pointwise(Tensor input, Tensor target) {
        Tensor error = input.sub(target);
        Tensor size = error.abs();
        return Tensor.where(size.lt(delta), error.mul(error).mul(0.5), size.sub(delta / 2).mul(delta));
    }

    @Override
    protected List<String> settings() {
        return delta == 1.0 ? List.of() : List.of("delta=" + delta);
    }
}
