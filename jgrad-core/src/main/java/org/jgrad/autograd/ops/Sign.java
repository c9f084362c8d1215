package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@code y = sign(x)} in {−1, 0, 1}; its derivative is 0 everywhere (taken as 0 at the jump). */
public final class Sign extends UnaryFunction {

    public Sign(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.SIGN;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.mul(0.0);
    }
}
