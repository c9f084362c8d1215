package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@code y = −x}; {@code dy/dx = −1}. */
public final class Neg extends UnaryFunction {

    public Neg(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.NEG;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.neg();
    }
}
