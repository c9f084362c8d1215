package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/**
 * {@code aᵇ}; {@code ∂/∂a = b·aᵇ⁻¹} and {@code ∂/∂b = aᵇ·ln a}. As in PyTorch, the base's
 * gradient is 0 where {@code b = 0} (there {@code a⁰ = 1} is flat, even at {@code a = 0}, where
 * {@code 0·0⁻¹} would give NaN), and the exponent's gradient is taken as 0 where {@code a = 0}
 * and {@code b ≥ 0}, where {@code ln a} is undefined but the power is flat or one-sided.
 */
public final class Pow extends BinaryFunction {

    public Pow(Tensor a, Tensor b) {
        super(a, b);
    }

    @Override
    BinaryOp op() {
        return BinaryOp.POW;
    }

    @Override
    String opName() {
        return "pow";
    }

    @Override
    protected Tensor forward() {
        Tensor y = super.forward();
        save(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = input(0);
        Tensor b = input(1);
        Tensor ga = null;
        if (needsGrad(0)) {
            Tensor slope = Tensor.where(b.eq(0.0), Tensor.scalar(0.0, a.dtype()), b.mul(a.pow(b.sub(1.0))));
            ga = g.mul(slope);
        }
        Tensor gb = null;
        if (needsGrad(1)) {
            Tensor zeroBase = a.eq(0.0).mul(b.ge(0.0));
            Tensor logA = Tensor.where(zeroBase, Tensor.scalar(0.0, a.dtype()), a.log());
            gb = g.mul(saved(0)).mul(logA);
        }
        return new Tensor[] {ga, gb};
    }
}
