package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@code y = eˣ}; {@code dy/dx = y}. */
public final class Exp extends UnaryFunction {

    public Exp(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.EXP;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.mul(y);
    }
}
