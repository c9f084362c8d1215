package org.jgrad.nn.loss;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The binary cross-entropy of probabilities, as PyTorch's {@code nn.BCELoss}: for a predicted
 * probability {@code x_i} in {@code [0, 1]} and a target {@code y_i} (0 or 1, or any value in
 * between)
 *
 * <pre>
 * ℓ_i = −[ y_i·max(log x_i, −100) + (1 − y_i)·max(log(1 − x_i), −100) ]
 * </pre>
 *
 * then reduced (by default the mean). The logarithms are clamped at −100, as PyTorch clamps
 * them, so that a confident wrong prediction ({@code x_i = 0} with {@code y_i = 1}) costs 100
 * instead of infinity. Where the clamp is active ({@code x_i} or {@code 1 − x_i} below
 * {@code e⁻¹⁰⁰ ≈ 3.7e−44}) the gradient is 0, the derivative of the constant −100; PyTorch
 * instead divides by {@code max(x(1 − x), 1e−12)} there. Everywhere else the gradient is
 * {@code (x_i − y_i) / (x_i(1 − x_i))}, as PyTorch's.
 *
 * <p>The input is usually a sigmoid's output; {@link BCEWithLogitsLoss} on the logits is the
 * stabler choice. Input and target of the same shape, any shape; the input must lie in
 * {@code [0, 1]}. Differentiable with respect to both.
 */
public final class BCELoss extends PointwiseLoss {

    /** The smallest argument the logarithm sees: the least float32, whose log (≈ −103.3) is under −100. */
    private static final double LOG_ARGUMENT_FLOOR = Float.MIN_VALUE;

    /** The mean binary cross-entropy. */
    public BCELoss() {
        this(Reduction.MEAN);
    }

    /** The binary cross-entropies reduced as {@code reduction} says. */
    public BCELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    Tensor pointwise(Tensor input, Tensor target) {
        checkProbabilities(input);
        Tensor positive = target.mul(clampedLog(input));
        Tensor negative = target.neg().add(1).mul(clampedLog(input.neg().add(1)));
        return positive.add(negative).neg();
    }

    /**
     * {@code max(log p, −100)}. The argument is first raised to a tiny positive floor so that
     * {@code p = 0} gives a finite logarithm: its gradient is then {@code 0 · (1/floor) = 0}
     * instead of {@code 0 · ∞ = NaN}.
     */
    private static Tensor clampedLog(Tensor p) {
        return p.clamp(LOG_ARGUMENT_FLOOR, Double.POSITIVE_INFINITY).log().clamp(-100, Double.POSITIVE_INFINITY);
    }

    private void checkProbabilities(Tensor input) {
        for (double v : input.detach().toDoubleArray()) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(name() + ": input of shape " + Shape.format(input.shape())
                        + " must hold probabilities in [0, 1], found " + v + "; for logits use BCEWithLogitsLoss");
            }
        }
    }
}
