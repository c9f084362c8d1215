package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * The exponential linear unit (Clevert et al., 2016), element-wise, as PyTorch's {@code nn.ELU}:
 *
 * <pre>
 * f(x) = x               if x &gt; 0
 * f(x) = α · (eˣ − 1)    otherwise
 * </pre>
 *
 * The derivative at 0 is taken from the left, {@code α}, as in PyTorch (for {@code α = 1} the
 * function is smooth there). The exponential is evaluated on {@code min(x, 0)}, so that large
 * positive inputs cannot overflow it and spoil the gradient with {@code 0 · ∞}. Input any shape;
 * output the same shape.
 */
public final class ELU extends Module {

    private final double alpha;

    /** An ELU with {@code α = 1}. */
    public ELU() {
        this(1.0);
    }

    /** An ELU saturating at {@code −alpha} for very negative inputs. */
    public ELU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** The scale {@code α} of the negative part. */
    public double alpha() {
        return alpha;
    }

    @Override
    protected Tensor compute(Tensor input) {
        Tensor negative = input.clamp(Double.NEGATIVE_INFINITY, 0).exp().sub(1).mul(alpha);
        return Tensor.where(input.gt(0), input, negative);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + alpha;
    }
}
