package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@code y = |x|}; {@code dy/dx = sign(x)}, so the subgradient at 0 is 0. */
public final class Abs extends UnaryFunction {

    public Abs(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.ABS;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.mul(x.sign());
    }
}
