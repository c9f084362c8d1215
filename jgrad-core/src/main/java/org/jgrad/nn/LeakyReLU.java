package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * The leaky rectified linear unit, element-wise, as PyTorch's {@code nn.LeakyReLU}:
 *
 * <pre>
 * f(x) = x        if x &gt; 0
 * f(x) = a · x    otherwise
 * </pre>
 *
 * with a fixed negative slope {@code a} (for {@code a ≤ 1} this is {@code max(a·x, x)}, the
 * decks' form with {@code a = 0.1}). The subgradient at 0 is {@code a}, as in PyTorch, so that
 * {@code a = 0} gives ReLU's {@code relu'(0) = 0}. Input any shape; output the same shape.
 */
public final class LeakyReLU extends Module {

    private final double negativeSlope;

    /** A leaky ReLU with PyTorch's default negative slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** A leaky ReLU with negative slope {@code negativeSlope} (the decks use 0.01 and 0.1). */
    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negative slope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    /** The slope {@code a} applied to non-positive inputs. */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    protected Tensor compute(Tensor input) {
        return leaky(input, input.mul(negativeSlope));
    }

    /** {@code x} where it is positive, else {@code scaled} (the slope times {@code x}); shared with {@link PReLU}. */
    static Tensor leaky(Tensor x, Tensor scaled) {
        return Tensor.where(x.gt(0), x, scaled);
    }

    @Override
    protected String extraRepr() {
        return "negativeSlope=" + negativeSlope;
    }
}
